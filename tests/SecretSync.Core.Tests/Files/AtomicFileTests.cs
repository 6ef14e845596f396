using System;
using System.IO;
using System.Runtime.InteropServices;
using SecretSync.Core.Files;
using Xunit;

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

        AtomicFile.WriteAllBytes(path, [0x7B, 0x20, 0x7D], keepMode: true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("{ }", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void WriteAllBytes_WithKeepModeAndNoFile_ShouldCreateIt()
    {
        var path = Path.Combine(_folder, "sub", "new.json");

        AtomicFile.WriteAllBytes(path, [0x31], keepMode: true);

        Assert.Equal("1", File.ReadAllText(path));
    }
}
