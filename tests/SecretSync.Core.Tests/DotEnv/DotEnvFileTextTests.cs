using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Tests.DotEnv;

public sealed class DotEnvFileTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secretsync-filetext-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Read_WithMultiByteCharactersAcrossChunks_ShouldKeepEveryCharacter()
    {
        // 3-byte and 4-byte sequences straddle every 64 KiB chunk boundary somewhere in 200,000 of them.
        var text = string.Concat(Enumerable.Repeat("K=\"ключ 🔑 中\"\n", 20_000));

        Assert.Equal(text, DotEnvFileText.Read(Write(Encoding.UTF8.GetBytes(text))));
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'A', (byte)'=', (byte)'1' }, "A=1")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'A', 0, (byte)'=', 0, (byte)'1', 0 }, "A=1")]
    [InlineData(new byte[] { (byte)'A', (byte)'=' }, "A=")]
    [InlineData(new byte[0], "")]
    public void Read_WithBomOrShortFile_ShouldGiveText(byte[] bytes, string expected)
    {
        Assert.Equal(expected, DotEnvFileText.Read(Write(bytes)));
    }

    [Fact]
    public void Read_WithBadByte_ShouldNameLineAndColumn()
    {
        var ex = Assert.Throws<DotEnvParseException>(() => DotEnvFileText.Read(Write([(byte)'A', (byte)'=', (byte)'1', (byte)'\n', (byte)'B', (byte)'=', 0xC3, (byte)'x'])));

        Assert.Equal((2, 3), (ex.Line, ex.Column));
    }
}
