using System.Text.Json;

namespace SecretSync.Emulator.GitHub;

/// <summary>
/// Workflow dispatch and runs (github-api §1.4, §7.7). A workflow exists only once declared (POST
/// /_emulator/github/repos with "workflows"): GitHub answers 404 for a file the repository does not have.
/// </summary>
internal static class WorkflowRoutes
{
    private const int MaxInputs = 25;
    private const string RunDetailsKey = "return_run_details";

    public static void Map(IEndpointRouteBuilder app, EmulatorState state, string prefix)
    {
        var store = state.GitHub;
        var actions = app.MapGroup(prefix + "/repos/{owner}/{repo}/actions");
        actions.MapGet("workflows/{workflow}", (string owner, string repo, string workflow, HttpRequest request) =>
        {
            var repository = store.Repository(owner, repo);
            if (store.FindWorkflow(repository, workflow) is not { } id)
            {
                return GitHubReplies.NotFound();
            }

            var file = repository.Workflows.First(w => w.Value == id).Key;
            return JsonReply.Send(RunJson.Workflow(repository, file, id, GitHubReplies.ApiRoot(request, prefix)));
        });
        actions.MapPost("workflows/{workflow}/dispatches", async (string owner, string repo, string workflow, HttpRequest request) =>
        {
            var repository = store.Repository(owner, repo);
            if (store.FindWorkflow(repository, workflow) is not { } workflowId)
            {
                return GitHubReplies.NotFound();
            }

            var body = await RequestBody.ReadObjectAsync(request);
            if (body?["ref"] is not JsonValue reference || reference.GetValueKind() != JsonValueKind.String || reference.GetValue<string>().Length == 0)
            {
                return GitHubReplies.Invalid("Workflow", "ref", "ref is required");
            }

            // GitHub Enterprise Server 3.19/3.20 validates the body against a schema without this key.
            if (store.EnterpriseServer && body.ContainsKey(RunDetailsKey))
            {
                return GitHubReplies.InvalidRequest($"\"{RunDetailsKey}\" is not a permitted key.");
            }

            if (InputsProblem(body["inputs"]) is { } problem)
            {
                return problem;
            }

            var run = store.Dispatch(repository, workflowId, reference.GetValue<string>());
            if (body[RunDetailsKey] is JsonValue details && details.GetValueKind() == JsonValueKind.True)
            {
                var root = GitHubReplies.ApiRoot(request, prefix);
                var json = RunJson.Run(run, root, store.Clock.GetUtcNow());
                return JsonReply.Send(new JsonObject { ["workflow_run_id"] = run.Id, ["run_url"] = json["url"]!.DeepClone(), ["html_url"] = json["html_url"]!.DeepClone() });
            }

            return Results.NoContent();
        });
        actions.MapGet("workflows/{workflow}/runs", (string owner, string repo, string workflow, HttpContext context) =>
        {
            var repository = store.Repository(owner, repo);
            return store.FindWorkflow(repository, workflow) is { } id ? ListRuns(store, repository, id, context, prefix) : GitHubReplies.NotFound();
        });
        actions.MapGet("runs", (string owner, string repo, HttpContext context) =>
            ListRuns(store, store.Repository(owner, repo), null, context, prefix));
        actions.MapGet("runs/{id:long}", (string owner, string repo, long id, HttpRequest request) =>
            store.Runs(store.Repository(owner, repo), null).FirstOrDefault(r => r.Id == id) is { } run
                ? JsonReply.Send(RunJson.Run(run, GitHubReplies.ApiRoot(request, prefix), store.Clock.GetUtcNow()))
                : GitHubReplies.NotFound());
    }

    /// <summary>
    /// inputs is an object of at most 25 strings: a workflow_dispatch input is always a string on the wire, even for
    /// boolean and number inputs (github-api §1.4; GitHub refuses other JSON types with a schema error).
    /// </summary>
    private static IResult? InputsProblem(JsonNode? inputs)
    {
        if (inputs is null)
        {
            return null;
        }

        if (inputs is not JsonObject map)
        {
            return GitHubReplies.InvalidRequest($"For 'properties/inputs', {inputs.ToJsonString()} is not an object.");
        }

        if (map.Count > MaxInputs)
        {
            return GitHubReplies.Invalid("Workflow", "inputs", $"no more than {MaxInputs} inputs are allowed");
        }

        foreach (var (name, value) in map)
        {
            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                return GitHubReplies.InvalidRequest($"For 'properties/{name}', {value?.ToJsonString() ?? "null"} is not a string.");
            }
        }

        return null;
    }

    private static IResult ListRuns(GitHubStore store, RepositoryEntry repository, long? workflowId, HttpContext context, string prefix)
    {
        var query = context.Request.Query;
        var now = store.Clock.GetUtcNow();
        string? eventName = query["event"], branch = query["branch"], status = query["status"], created = query["created"];
        var runs = store.Runs(repository, workflowId)
            .Where(r => string.IsNullOrEmpty(eventName) || eventName == "workflow_dispatch")
            .Where(r => string.IsNullOrEmpty(branch) || r.HeadBranch == branch)
            .Where(r => string.IsNullOrEmpty(status) || r.Status(now) == status || r.Conclusion(now) == status)
            .Where(r => CreatedFilter.Matches(r.Created, created))
            .ToList();
        var (skip, take) = Paging.Apply(context, runs.Count);
        var root = GitHubReplies.ApiRoot(context.Request, prefix);
        return JsonReply.Send(new JsonObject
        {
            ["total_count"] = runs.Count,
            ["workflow_runs"] = new JsonArray(runs.Skip(skip).Take(take).Select(r => (JsonNode?)RunJson.Run(r, root, now)).ToArray()),
        });
    }
}
