using SecretSync.Core.Stores.Export;
using SecretSync.Core.Tests.Files;

namespace SecretSync.Core.Tests.Export;

public sealed class ExportTargetGuardTests
{
    [Fact]
    public void ThrowIfCommittable_WithTrackedFile_ShouldThrowTracked()
    {
        using var folder = new TempFolder();
        folder.Git("init", "-q");
        var path = folder.Write(".env", "A=1\n");
        folder.Git("add", ".env");

        var e = Assert.Throws<ExportTargetNotIgnoredException>(() => ExportTargetGuard.ThrowIfCommittable(path));

        Assert.True(e.IsTracked);
    }

    [Fact]
    public void ThrowIfCommittable_WithUntrackedNotIgnoredFile_ShouldThrowNotIgnored()
    {
        using var folder = new TempFolder();
        folder.Git("init", "-q");
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub dir"));

        var e = Assert.Throws<ExportTargetNotIgnoredException>(() => ExportTargetGuard.ThrowIfCommittable(Path.Combine(folder.Path, "sub dir", "new.env")));

        Assert.False(e.IsTracked);
    }

    [Fact]
    public void ThrowIfCommittable_WithIgnoredFile_ShouldPass()
    {
        using var folder = new TempFolder();
        folder.Git("init", "-q");
        folder.Write(".gitignore", ".env\n");

        ExportTargetGuard.ThrowIfCommittable(Path.Combine(folder.Path, ".env"));
    }

    [Fact]
    public void ThrowIfCommittable_OutsideAnyRepository_ShouldPass()
    {
        using var folder = new TempFolder();

        ExportTargetGuard.ThrowIfCommittable(Path.Combine(folder.Path, ".env"));
    }
}
