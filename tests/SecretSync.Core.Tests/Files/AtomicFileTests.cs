using System.Runtime.InteropServices;

namespace SecretSync.Core.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secretsync-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WriteAllBytes_WithKeepMode_ShouldKeepTheModeOfTheReplacedFile()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }

        var path = Path.Combine(_folder, ".claude.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFile.WriteAllBytes(path, [0x7B, 0x20, 0x7D], FileModePolicy.KeepExisting);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("{ }", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void WriteAllBytes_WithKeepModeAndNoFile_ShouldCreateIt()
    {
        var path = Path.Combine(_folder, "sub", "new.json");

        AtomicFile.WriteAllBytes(path, [0x31], FileModePolicy.KeepExisting);

        Assert.Equal("1", File.ReadAllText(path));
    }

    [Fact]
    public void WriteAllText_WithOwnerOnly_ShouldCreateMode0600AndLeaveNoTempFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, ".env");

        AtomicFile.WriteAllText(path, "A=1\n", FileModePolicy.OwnerOnly);

        Assert.Equal("A=1\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void WriteAllText_WithExistingWorldReadableFile_ShouldReplaceContentAndTightenMode()
    {
        using var folder = new TempFolder();
        var path = folder.Write("secrets.json", "old content that is longer");
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        }

        AtomicFile.WriteAllText(path, "new", FileModePolicy.OwnerOnly);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["secrets.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void WriteAllText_WithLeadingBomCharacter_ShouldWriteUtf8Bom()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "bom.env");

        AtomicFile.WriteAllText(path, "\uFEFFA=1");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'A', (byte)'=', (byte)'1' }, File.ReadAllBytes(path));
    }
}
