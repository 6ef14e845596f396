using System.Diagnostics;

namespace SecretSync.Core.Tests.Files;

/// <summary>What AtomicFile does around the write itself: links, read-only files, edits made meanwhile, leftovers.</summary>
public sealed class FileSafetyTests
{
    [Fact]
    public void WriteAllText_ThroughSymbolicLink_ShouldReplaceTheTargetAndKeepTheLink()
    {
        using var folder = new TempFolder();
        var target = folder.Write("real/.env", "OLD=secret\n");
        var link = Path.Combine(folder.Path, ".env");
        File.CreateSymbolicLink(link, Path.Combine("real", ".env"));

        AtomicFile.WriteAllText(link, "NEW=1\n", FileModePolicy.OwnerOnly);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("NEW=1\n", File.ReadAllText(target));
        Assert.Equal([".env"], Directory.GetFiles(Path.Combine(folder.Path, "real")).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAllText_ThroughChainOfLinksToMissingFile_ShouldCreateTheFinalTarget()
    {
        using var folder = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(folder.Path, "b.env"), "target.env");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "a.env"), "b.env");

        AtomicFile.WriteAllText(Path.Combine(folder.Path, "a.env"), "X=1\n");

        Assert.Equal("X=1\n", File.ReadAllText(Path.Combine(folder.Path, "target.env")));
        Assert.NotNull(new FileInfo(Path.Combine(folder.Path, "a.env")).LinkTarget);
    }

    [Fact]
    public void WriteAllText_WithReadOnlyFile_ShouldRefuseAndLeaveItAsItWas()
    {
        using var folder = new TempFolder();
        var path = folder.Write("mcp.json", "{\"k\":\"v\"}");
        File.SetAttributes(path, FileAttributes.ReadOnly);

        var e = Assert.Throws<FileReadOnlyException>(() => AtomicFile.WriteAllText(path, "{}", FileModePolicy.KeepExisting));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal("{\"k\":\"v\"}", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
        File.SetAttributes(path, FileAttributes.Normal);
    }

    [Fact]
    public void WriteAllText_WhenFileWasEditedAfterReading_ShouldRefuseAndKeepTheEdit()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "A=1\n");
        var readAs = FileSnapshot.Take(path);
        File.AppendAllText(path, "EDITED=1\n");

        Assert.Throws<FileChangedException>(() => AtomicFile.WriteAllText(path, "A=1\nB=2\n", FileModePolicy.OwnerOnly, readAs));

        Assert.Equal("A=1\nEDITED=1\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WriteAllText_WhenFileWasCreatedAfterReadingNone_ShouldRefuse()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, ".env.template");
        var readAs = FileSnapshot.Take(path);
        File.WriteAllText(path, "# mine\n");

        Assert.Throws<FileChangedException>(() => AtomicFile.WriteAllText(path, "A=\n", FileModePolicy.Default, readAs));

        Assert.Equal("# mine\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteAllText_WhenFileIsUnchangedSinceReading_ShouldWrite()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "A=1\n");
        var readAs = FileSnapshot.Take(path);

        AtomicFile.WriteAllText(path, "A=2\n", FileModePolicy.OwnerOnly, readAs);

        Assert.Equal("A=2\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteAllText_WithLeftoversOfDeadAndLiveProcesses_ShouldRemoveOnlyTheDeadOnes()
    {
        using var folder = new TempFolder();
        var dead = LeftoverName(DeadProcessId());
        var live = LeftoverName(Environment.ProcessId);
        var otherHost = ".secretsync-elsewhere0host-" + DeadProcessId() + "-0123456789ab.tmp";
        foreach (var name in new[] { dead, live, otherHost })
        {
            folder.Write(name, "A_TOKEN=value\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder.Path, ".env"), "A=1\n", FileModePolicy.OwnerOnly);

        Assert.Equal(new[] { ".env", live, otherHost }.OrderBy(n => n, StringComparer.Ordinal), Directory.GetFiles(folder.Path).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void WriteAllText_WithDefaultModeOverExistingFile_ShouldKeepItsMode()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.Write(".env.template", "A=\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        AtomicFile.WriteAllText(path, "A=\nB=\n");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public void WriteAllText_OntoFifo_ShouldRefuseWithoutOpeningIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, ".env");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
        }

        var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(fifo, "A=1\n", FileModePolicy.OwnerOnly, FileSnapshot.Take(Path.Combine(folder.Path, "other"))));

        Assert.Contains("not a regular file", e.Message, StringComparison.Ordinal);
        Assert.False(FileKinds.IsRegularFile(fifo));
        Assert.Throws<IOException>(() => FileSnapshot.Take(fifo));
    }

    [Fact]
    public void IsRegularFile_ShouldTellFilesFromFoldersAndDevices()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.txt", "x");

        Assert.True(FileKinds.IsRegularFile(file));
        Assert.False(FileKinds.IsRegularFile(folder.Path));
        Assert.False(FileKinds.IsRegularFile(Path.Combine(folder.Path, "missing")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.False(FileKinds.IsRegularFile("/dev/null"));
        }
    }

    private static string LeftoverName(int pid)
    {
        // .secretsync-HOST-PID-RANDOM: the host is what stands before the last two dashes.
        var name = Path.GetFileNameWithoutExtension(TemporaryFiles.NewPath("/")).Substring(".secretsync-".Length);
        var host = name.Substring(0, name.LastIndexOf('-', name.LastIndexOf('-') - 1));
        return $".secretsync-{host}-{pid}-0123456789ab.tmp";
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }
}
