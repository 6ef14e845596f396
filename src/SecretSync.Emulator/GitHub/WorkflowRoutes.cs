using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SecretSync.Emulator.Http;

namespace SecretSync.Emulator.GitHub;

/// <summary>Workflow dispatch and runs (github-api §1.4, §7.7). Any workflow file exists once mentioned.</summary>
internal static class WorkflowRoutes
{
    private const int MaxInputs = 25;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state, string prefix)
    {
        var store = state.GitHub;
        var actions = app.MapGroup(prefix + "/repos/{owner}/{repo}/actions");
        actions.MapGet("workflows/{workflow}", (string owner, string repo, string workflow, HttpRequest request) =>
        {
            var repository = store.Repository(owner, repo);
            var id = store.WorkflowId(repository, workflow);
            var file = repository.Workflows.First(w => w.Value == id).Key;
            return JsonReply.Send(RunJson.Workflow(repository, file, id, GitHubReplies.ApiRoot(request, prefix)));
        });
        actions.MapPost("workflows/{workflow}/dispatches", async (string owner, string repo, string workflow, HttpRequest request) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            if (body?["ref"] is not JsonValue reference || reference.GetValueKind() != JsonValueKind.String || reference.GetValue<string>().Length == 0)
            {
                return GitHubReplies.Invalid("Workflow", "ref", "ref is required");
            }

            if (body["inputs"] is JsonObject inputs && inputs.Count > MaxInputs)
            {
                return GitHubReplies.Invalid("Workflow", "inputs", $"no more than {MaxInputs} inputs are allowed");
            }

            var run = store.Dispatch(store.Repository(owner, repo), workflow, reference.GetValue<string>());
            if (body["return_run_details"] is JsonValue details && details.GetValueKind() == JsonValueKind.True && run.Settings.ReturnsRunDetails)
            {
                var root = GitHubReplies.ApiRoot(request, prefix);
                var json = RunJson.Run(run, root, DateTimeOffset.UtcNow);
                return JsonReply.Send(new JsonObject { ["workflow_run_id"] = run.Id, ["run_url"] = json["url"]!.DeepClone(), ["html_url"] = json["html_url"]!.DeepClone() });
            }

            return Results.NoContent();
        });
        actions.MapGet("workflows/{workflow}/runs", (string owner, string repo, string workflow, HttpContext context) =>
        {
            var repository = store.Repository(owner, repo);
            return ListRuns(store, repository, store.WorkflowId(repository, workflow), context, prefix);
        });
        actions.MapGet("runs", (string owner, string repo, HttpContext context) =>
            ListRuns(store, store.Repository(owner, repo), null, context, prefix));
        actions.MapGet("runs/{id:long}", (string owner, string repo, long id, HttpRequest request) =>
            store.Runs(store.Repository(owner, repo), null).FirstOrDefault(r => r.Id == id) is { } run
                ? JsonReply.Send(RunJson.Run(run, GitHubReplies.ApiRoot(request, prefix), DateTimeOffset.UtcNow))
                : GitHubReplies.NotFound());
    }

    private static IResult ListRuns(GitHubStore store, RepositoryEntry repository, long? workflowId, HttpContext context, string prefix)
    {
        var query = context.Request.Query;
        var now = DateTimeOffset.UtcNow;
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
