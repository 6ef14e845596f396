using Octokit;

namespace SecretSync.Emulator.Tests;

public sealed class GitHubWorkflowsApiTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly GitHubClient _github;

    public GitHubWorkflowsApiTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _github = emulator.GitHub();
    }

    [Fact]
    public async Task CreateDispatch_ThenPolling_ShouldGoQueuedInProgressCompletedSuccess()
    {
        // The run's phases follow the emulator's clock, which moves only here: no poll can miss a phase on a slow machine.
        var clock = new ImmediateClock();
        await using var emulator = await EmulatorFixture.StartAsync(clock);
        var github = emulator.GitHub();
        (await emulator.Http.PostAsJsonAsync("_emulator/github/repos", new { owner = "acme", name = "deploy", workflows = new[] { "sync.yml" } })).EnsureSuccessStatusCode();
        await emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "success", seconds = 10.0 });
        var since = clock.GetUtcNow().AddSeconds(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        await github.Actions.Workflows.CreateDispatch("acme", "deploy", "sync.yml",
            new CreateWorkflowDispatch("main") { Inputs = new Dictionary<string, object> { ["env"] = "prod" } });
        var runs = await github.Actions.Workflows.Runs.ListByWorkflow("acme", "deploy", "sync.yml",
            new WorkflowRunsRequest { Event = "workflow_dispatch", Branch = "main", Created = ">=" + since },
            new ApiOptions { PageSize = 10, PageCount = 1 });
        var run = Assert.Single(runs.WorkflowRuns);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        var stillQueued = await github.Actions.Workflows.Runs.Get("acme", "deploy", run.Id);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        var inProgress = await github.Actions.Workflows.Runs.Get("acme", "deploy", run.Id);
        clock.Advance(TimeSpan.FromSeconds(7.8));
        var notYetDone = await github.Actions.Workflows.Runs.Get("acme", "deploy", run.Id);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        var done = await github.Actions.Workflows.Runs.Get("acme", "deploy", run.Id);

        Assert.Equal(WorkflowRunStatus.Queued, run.Status.Value);
        Assert.Equal(WorkflowRunStatus.Queued, stillQueued.Status.Value);
        Assert.Equal(WorkflowRunStatus.InProgress, inProgress.Status.Value);
        Assert.Equal(WorkflowRunStatus.InProgress, notYetDone.Status.Value);
        Assert.Null(notYetDone.Conclusion);
        Assert.Equal(WorkflowRunStatus.Completed, done.Status.Value);
        Assert.Equal(WorkflowRunConclusion.Success, done.Conclusion!.Value.Value);
        Assert.Equal($"https://github.com/acme/deploy/actions/runs/{run.Id}", done.HtmlUrl);
        Assert.Equal("main", done.HeadBranch);
        Assert.Equal("workflow_dispatch", done.Event);
    }

    [Fact]
    public async Task CreateDispatch_WhenNextRunsSetToFail_ShouldConcludeFailure()
    {
        await DeclareWorkflowAsync("failing", "sync.yml");
        await _emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "failure", seconds = 0.0 });

        await _github.Actions.Workflows.CreateDispatch("acme", "failing", "sync.yml", new CreateWorkflowDispatch("release"));
        var runs = await _github.Actions.Workflows.Runs.ListByWorkflow("acme", "failing", "sync.yml",
            new WorkflowRunsRequest { Branch = "release" }, new ApiOptions { PageSize = 10, PageCount = 1 });
        var other = await _github.Actions.Workflows.Runs.ListByWorkflow("acme", "failing", "sync.yml",
            new WorkflowRunsRequest { Branch = "main" }, new ApiOptions { PageSize = 10, PageCount = 1 });

        var run = Assert.Single(runs.WorkflowRuns);
        Assert.Equal(WorkflowRunStatus.Completed, run.Status.Value);
        Assert.Equal(WorkflowRunConclusion.Failure, run.Conclusion!.Value.Value);
        Assert.Empty(other.WorkflowRuns);
        await _emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "success", seconds = 1.0 });
    }

    [Fact]
    public async Task CreateDispatch_WithoutRef_ShouldBe422()
    {
        await DeclareWorkflowAsync("deploy", "sync.yml");
        var response = await _emulator.Http.PostAsJsonAsync("api/v3/repos/acme/deploy/actions/workflows/sync.yml/dispatches", new { inputs = new { } });

        Assert.Equal(422, (int)response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownRun_ShouldBeNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _github.Actions.Workflows.Runs.Get("acme", "deploy", 42));
    }

    [Fact]
    public async Task ListByWorkflow_WithPerPage_ShouldPage()
    {
        await DeclareWorkflowAsync("many", "ci.yml");
        await _emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "success", seconds = 0.0 });
        for (var i = 0; i < 3; i++)
        {
            await _github.Actions.Workflows.CreateDispatch("acme", "many", "ci.yml", new CreateWorkflowDispatch("main"));
        }

        var firstPage = await _github.Actions.Workflows.Runs.ListByWorkflow("acme", "many", "ci.yml",
            new WorkflowRunsRequest(), new ApiOptions { PageSize = 2, PageCount = 1 });

        Assert.Equal(3, firstPage.TotalCount);
        Assert.Equal(2, firstPage.WorkflowRuns.Count);
        Assert.True(firstPage.WorkflowRuns[0].Id > firstPage.WorkflowRuns[1].Id);
        await _emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "success", seconds = 1.0 });
    }

    [Fact]
    public async Task Dispatch_OfAWorkflowTheRepositoryDoesNotHave_ShouldBe404LikeGitHub()
    {
        await DeclareWorkflowAsync("known", "sync.yml");

        var dispatch = await _emulator.Http.PostAsJsonAsync("api/v3/repos/acme/known/actions/workflows/typo.yml/dispatches", new { @ref = "main" });
        var runs = await _emulator.Http.GetAsync("api/v3/repos/acme/known/actions/workflows/typo.yml/runs");
        var workflow = await _emulator.Http.GetAsync("api/v3/repos/acme/known/actions/workflows/typo.yml");

        Assert.Equal(404, (int)dispatch.StatusCode);
        Assert.Equal(404, (int)runs.StatusCode);
        Assert.Equal(404, (int)workflow.StatusCode);
    }

    [Theory]
    [InlineData("{\"ref\":\"main\",\"inputs\":{\"dry\":true}}", "For 'properties/dry', true is not a string.")]
    [InlineData("{\"ref\":\"main\",\"inputs\":{\"count\":3}}", "For 'properties/count', 3 is not a string.")]
    [InlineData("{\"ref\":\"main\",\"inputs\":{\"reason\":null}}", "For 'properties/reason', null is not a string.")]
    [InlineData("{\"ref\":\"main\",\"inputs\":[\"a\"]}", "For 'properties/inputs', [\"a\"] is not an object.")]
    public async Task Dispatch_WithNonStringInput_ShouldBe422LikeGitHub(string body, string detail)
    {
        await DeclareWorkflowAsync("typed", "sync.yml");

        var response = await PostJsonAsync("api/v3/repos/acme/typed/actions/workflows/sync.yml/dispatches", body);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("Invalid request.\n\n" + detail, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
    }

    [Fact]
    public async Task Dispatch_WithReturnRunDetailsOnEnterpriseServer_ShouldBe422NotPermittedKey()
    {
        await DeclareWorkflowAsync("ghes", "sync.yml");
        await _emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "success", seconds = 1.0, enterpriseServer = true });
        try
        {
            var refused = await PostJsonAsync("api/v3/repos/acme/ghes/actions/workflows/sync.yml/dispatches", "{\"ref\":\"main\",\"return_run_details\":true}");
            var accepted = await PostJsonAsync("api/v3/repos/acme/ghes/actions/workflows/sync.yml/dispatches", "{\"ref\":\"main\",\"inputs\":{\"reason\":\"x\"}}");

            Assert.Equal(422, (int)refused.StatusCode);
            Assert.Equal("Invalid request.\n\n\"return_run_details\" is not a permitted key.", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["message"]);
            Assert.Equal(204, (int)accepted.StatusCode);
            var runs = await _github.Actions.Workflows.Runs.ListByWorkflow("acme", "ghes", "sync.yml", new WorkflowRunsRequest(), new ApiOptions { PageSize = 10, PageCount = 1 });
            Assert.Single(runs.WorkflowRuns);
        }
        finally
        {
            await _emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "success", seconds = 1.0, enterpriseServer = false });
        }
    }

    [Fact]
    public async Task Dispatch_WithReturnRunDetailsOnGitHubCom_ShouldBe200WithTheRunId()
    {
        await DeclareWorkflowAsync("dotcom", "sync.yml");

        var response = await PostJsonAsync("api/v3/repos/acme/dotcom/actions/workflows/sync.yml/dispatches", "{\"ref\":\"main\",\"return_run_details\":true}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotNull((long?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["workflow_run_id"]);
    }

    private async Task DeclareWorkflowAsync(string repository, string file)
    {
        var response = await _emulator.Http.PostAsJsonAsync("_emulator/github/repos", new { owner = "acme", name = repository, workflows = new[] { file } });
        response.EnsureSuccessStatusCode();
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        _emulator.Http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
