namespace SecretSync.Emulator.GitHub;

/// <summary>The workflow-run and workflow shapes of github-api §1.4 (the fields Octokit's WorkflowRun reads).</summary>
internal static class RunJson
{
    public static JsonObject Run(WorkflowRun run, string apiRoot, DateTimeOffset now)
    {
        var repository = run.Repository;
        var id = run.Id.ToString(CultureInfo.InvariantCulture);
        var url = $"{apiRoot}/repos/{repository.FullName}/actions/runs/{id}";
        return new JsonObject
        {
            ["id"] = run.Id,
            ["node_id"] = "WFR_" + id,
            ["name"] = run.WorkflowFile,
            ["display_title"] = run.WorkflowFile,
            ["path"] = ".github/workflows/" + run.WorkflowFile,
            ["head_branch"] = run.HeadBranch,
            ["head_sha"] = Convert.ToHexStringLower(BitConverter.GetBytes(run.Id)).PadRight(40, '0'),
            ["run_number"] = run.RunNumber,
            ["run_attempt"] = 1,
            ["event"] = "workflow_dispatch",
            ["status"] = run.Status(now),
            ["conclusion"] = run.Conclusion(now),
            ["workflow_id"] = run.WorkflowId,
            ["url"] = url,
            ["html_url"] = $"https://github.com/{repository.FullName}/actions/runs/{id}",
            ["jobs_url"] = url + "/jobs",
            ["logs_url"] = url + "/logs",
            ["workflow_url"] = $"{apiRoot}/repos/{repository.FullName}/actions/workflows/{run.WorkflowId}",
            ["created_at"] = GitHubReplies.Date(run.Created),
            ["updated_at"] = GitHubReplies.Date(run.Updated(now)),
            ["run_started_at"] = GitHubReplies.Date(run.Created),
            ["repository"] = SecretJson.Repository(repository, apiRoot),
            ["head_repository"] = SecretJson.Repository(repository, apiRoot),
        };
    }

    public static JsonObject Workflow(RepositoryEntry repository, string file, long id, string apiRoot) => new()
    {
        ["id"] = id,
        ["node_id"] = "W_" + id.ToString(CultureInfo.InvariantCulture),
        ["name"] = file,
        ["path"] = ".github/workflows/" + file,
        ["state"] = "active",
        ["created_at"] = "2024-01-01T00:00:00Z",
        ["updated_at"] = "2024-01-01T00:00:00Z",
        ["url"] = $"{apiRoot}/repos/{repository.FullName}/actions/workflows/{id}",
        ["html_url"] = $"https://github.com/{repository.FullName}/blob/main/.github/workflows/{file}",
        ["badge_url"] = $"https://github.com/{repository.FullName}/workflows/{file}/badge.svg",
    };
}
