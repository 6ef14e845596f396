using System;
using System.Collections.Generic;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Octokit;
using Xunit;

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
        await _emulator.Http.PostAsJsonAsync("_emulator/github/runs", new { conclusion = "success", seconds = 1.0 });
        var since = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

        await _github.Actions.Workflows.CreateDispatch("acme", "deploy", "sync.yml",
            new CreateWorkflowDispatch("main") { Inputs = new Dictionary<string, object> { ["env"] = "prod" } });
        var runs = await _github.Actions.Workflows.Runs.ListByWorkflow("acme", "deploy", "sync.yml",
            new WorkflowRunsRequest { Event = "workflow_dispatch", Branch = "main", Created = ">=" + since },
            new ApiOptions { PageSize = 10, PageCount = 1 });
        var run = Assert.Single(runs.WorkflowRuns);
        var statuses = new List<WorkflowRunStatus> { run.Status.Value };
        for (var i = 0; i < 30 && statuses[^1] != WorkflowRunStatus.Completed; i++)
        {
            await Task.Delay(100);
            statuses.Add((await _github.Actions.Workflows.Runs.Get("acme", "deploy", run.Id)).Status.Value);
        }

        var done = await _github.Actions.Workflows.Runs.Get("acme", "deploy", run.Id);
        Assert.Equal(WorkflowRunStatus.Queued, statuses[0]);
        Assert.Contains(WorkflowRunStatus.InProgress, statuses);
        Assert.Equal(WorkflowRunConclusion.Success, done.Conclusion!.Value.Value);
        Assert.Equal($"https://github.com/acme/deploy/actions/runs/{run.Id}", done.HtmlUrl);
        Assert.Equal("main", done.HeadBranch);
        Assert.Equal("workflow_dispatch", done.Event);
    }

    [Fact]
    public async Task CreateDispatch_WhenNextRunsSetToFail_ShouldConcludeFailure()
    {
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
}
