using SecretSync.Core.Stores.Run;

namespace SecretSync.Core.Tests.Run;

public sealed class SecretRedactorTests
{
    private static string Filter(string text, params string[] secrets)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var output = new MemoryStream();
        RedactingCopier.Copy(input, output, new SecretRedactor(secrets));
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Copy_WithSecretSpellings_ShouldReplaceEachWithMarker()
    {
        const string Secret = "s3cr/t+value=";
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret));

        var filtered = Filter($"a {Secret} b\nurl={Uri.EscapeDataString(Secret)}\nb64={base64}\nplain\n", Secret);

        Assert.Equal("a [secret] b\nurl=[secret]\nb64=[secret]\nplain\n", filtered);
    }

    [Fact]
    public void Copy_WithMultiLineSecret_ShouldReplaceEachLine()
    {
        Assert.Equal("[secret]\nx [secret] y\n", Filter("first-line\nx second-line y\n", "first-line\nsecond-line"));
    }

    [Fact]
    public void Copy_WithOverlappingAndThreeCharacterSecrets_ShouldLeaveNoPart()
    {
        Assert.Equal("<[secret]>\n", Filter("<abcdefgh>\n", "abcdef", "defgh"));
        Assert.Equal("x [secret] y\n", Filter("x abc y\n", "abc"));
        Assert.Equal("x ab y\n", Filter("x ab y\n", "ab"));
    }

    [Fact]
    public void Copy_WithoutTrailingNewlineOrUtf8_ShouldPassBytesThrough()
    {
        using var input = new MemoryStream([0xFF, 0x00, (byte)'s', (byte)'e', (byte)'c', (byte)'r', (byte)'e', (byte)'t', 0xFE]);
        using var output = new MemoryStream();

        RedactingCopier.Copy(input, output, new SecretRedactor(["secret"]));

        Assert.Equal(new byte[] { 0xFF, 0x00 }, output.ToArray()[..2]);
        Assert.Equal("[secret]", Encoding.ASCII.GetString(output.ToArray(), 2, 8));
        Assert.Equal(0xFE, output.ToArray()[^1]);
    }

    [Fact]
    public void Copy_WithSecretAcrossReads_ShouldStillReplaceIt()
    {
        var text = new string('x', 200_000) + "the-secret-value\n" + new string('y', 300_000) + " the-secret-value";
        using var input = new TrickleStream(Encoding.UTF8.GetBytes(text), 7_001);
        using var output = new MemoryStream();

        RedactingCopier.Copy(input, output, new SecretRedactor(["the-secret-value"]));

        var filtered = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("the-secret-value", filtered);
        Assert.Equal(2, filtered.Split(["[secret]"], StringSplitOptions.None).Length - 1);
    }

    // Hands out at most a few bytes per read, as a pipe does, so values straddle reads.
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
