using System.Diagnostics;
using SecretSync.Core.Stores.Export;
using SecretSync.Core.Tests.Files;

namespace SecretSync.Core.Tests.Export;

/// <summary>The guard allows a file only when git answers that it cannot be committed.</summary>
public sealed class ExportTargetGuardFailClosedTests
{
    [Fact]
    public void ThrowIfCommittable_WithRepositoryOwnedByAnotherUser_ShouldRefuseNamingSafeDirectory()
    {
        if (Environment.UserName != "root")
        {
            // Only root can give a folder to another user; git then refuses it as "dubious ownership".
            return;
        }

        using var folder = new TempFolder();
        folder.Git("init", "-q");
        folder.Write(".gitignore", ".env\n");
        Run("chown", "-R", "65534:65534", folder.Path);

        var e = Assert.ThrowsAny<SecretSyncException>(() => ExportTargetGuard.ThrowIfCommittable(Path.Combine(folder.Path, ".env")));

        Assert.Contains("safe.directory", e.Message, StringComparison.Ordinal);
        Assert.Contains("-Force", e.Message, StringComparison.Ordinal);
        Run("chown", "-R", "0:0", folder.Path);
    }

    [Fact]
    public void ThrowIfCommittable_WithFolderNotYetCreatedInsideRepository_ShouldAskGitAboutIt()
    {
        using var folder = new TempFolder();
        folder.Git("init", "-q");

        Assert.ThrowsAny<SecretSyncException>(() => ExportTargetGuard.ThrowIfCommittable(Path.Combine(folder.Path, "new", "deeper", ".env")));
    }

    [Fact]
    public void ThrowIfCommittable_WithFolderNotYetCreatedUnderIgnoredFolder_ShouldPass()
    {
        using var folder = new TempFolder();
        folder.Git("init", "-q");
        folder.Write(".gitignore", "secrets/\n");

        ExportTargetGuard.ThrowIfCommittable(Path.Combine(folder.Path, "secrets", "deeper", ".env"));
    }

    [Fact]
    public void ThrowIfCommittable_WithIgnoredLinkToTrackedFile_ShouldRefuseTheTarget()
    {
        using var folder = new TempFolder();
        folder.Git("init", "-q");
        folder.Write(".gitignore", ".env\n");
        folder.Write("config/app.env", "A=1\n");
        folder.Git("add", "config/app.env");
        File.CreateSymbolicLink(Path.Combine(folder.Path, ".env"), Path.Combine("config", "app.env"));

        var e = Assert.ThrowsAny<SecretSyncException>(() => ExportTargetGuard.ThrowIfCommittable(Path.Combine(folder.Path, ".env")));

        Assert.Contains("app.env", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfCommittable_WithLinkOutsideAnyRepositoryToTrackedFile_ShouldRefuse()
    {
        using var repository = new TempFolder();
        using var outside = new TempFolder();
        repository.Git("init", "-q");
        var tracked = repository.Write("deploy.env", "A=1\n");
        repository.Git("add", "deploy.env");
        File.CreateSymbolicLink(Path.Combine(outside.Path, ".env"), tracked);

        Assert.ThrowsAny<SecretSyncException>(() => ExportTargetGuard.ThrowIfCommittable(Path.Combine(outside.Path, ".env")));
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
