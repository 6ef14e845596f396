using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using SecretSync.Core.Files;
using Xunit;

namespace SecretSync.Core.Tests.Files;

public sealed class AtomicFileTests
{
    [Fact]
    public void WriteAllText_WithOwnerOnly_ShouldCreateMode0600AndLeaveNoTempFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, ".env");

        AtomicFile.WriteAllText(path, "A=1\n", ownerOnly: true);

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

        AtomicFile.WriteAllText(path, "new", ownerOnly: true);

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

        AtomicFile.WriteAllText(path, "\uFEFFA=1", ownerOnly: false);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'A', (byte)'=', (byte)'1' }, File.ReadAllBytes(path));
    }
}
