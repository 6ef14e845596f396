using System.Diagnostics;
using SecretSync.Core.Plumbing.Git;

namespace SecretSync.Core.Tests.Git;

public sealed class GitRepositoryTrackingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secretsync-git-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void IsTrackedAnywhere_WithFolderOutsideRepository_ShouldBeFalse()
    {
        var path = Path.Combine(_folder, "mcp.json");
        File.WriteAllText(path, "{}");

        Assert.False(GitRepository.IsTrackedAnywhere(path));
    }

    [Fact]
    public void IsTrackedAnywhere_WithTrackedAndUntrackedFiles_ShouldTellThemApart()
    {
        if (!Git("init --quiet"))
        {
            return;
        }

        File.WriteAllText(Path.Combine(_folder, "mcp[1].json"), "{}");
        File.WriteAllText(Path.Combine(_folder, "mcp1.json"), "{}");
        File.WriteAllText(Path.Combine(_folder, "with \"quote\".json"), "{}");
        Assert.True(Git("add -- \"mcp[1].json\""));

        Assert.True(GitRepository.IsTrackedAnywhere(Path.Combine(_folder, "mcp[1].json")));
        Assert.False(GitRepository.IsTrackedAnywhere(Path.Combine(_folder, "mcp1.json")));
        Assert.False(GitRepository.IsTrackedAnywhere(Path.Combine(_folder, "with \"quote\".json")));
    }

    private bool Git(string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--literal-pathspecs " + arguments) { WorkingDirectory = _folder, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: nothing to compare against.
            return false;
        }
    }
}
