using Newtonsoft.Json.Linq;
using Octokit;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>The workflow_dispatch request body and the run id its reply may carry (see <see cref="WorkflowDispatcher"/>).</summary>
internal static class WorkflowDispatchBody
{
    /// <summary>The key that asks GitHub for the run id; GitHub Enterprise Server 3.19/3.20 refuses it.</summary>
    public const string RunDetailsKey = "return_run_details";

    public static Dictionary<string, object> Create(string gitRef, IReadOnlyDictionary<string, string>? inputs, bool askForRun)
    {
        var body = new Dictionary<string, object> { ["ref"] = gitRef };
        if (askForRun)
        {
            body[RunDetailsKey] = true;
        }

        if (inputs is { Count: > 0 })
        {
            body["inputs"] = inputs;
        }

        return body;
    }

    /// <summary>True when the 422 is GitHub refusing <see cref="RunDetailsKey"/> (then the dispatch started nothing).</summary>
    public static bool RefusesRunDetails(ApiValidationException e) =>
        (e.ApiError?.Message ?? e.Message).IndexOf(RunDetailsKey, StringComparison.Ordinal) >= 0;

    /// <summary>workflow_run_id of a reply body Octokit left as raw text.</summary>
    public static long? RunIdFromRaw(object? body) =>
        body is string text && text.TrimStart().StartsWith("{", StringComparison.Ordinal) ? JObject.Parse(text)["workflow_run_id"]?.Value<long?>() : null;
}
