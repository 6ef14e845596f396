using SecretSync.Core.Stores.Export;

namespace SecretSync.Core.Tests.Export;

public sealed class DockerEnvFileTests
{
    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    [Fact]
    public void Format_WithVerbatimValues_ShouldWriteNameEqualsValueLines()
    {
        var (text, written, refused) = DockerEnvFile.Format([Pair("A_TOKEN", "x=y\"z'#1"), Pair("B_KEY", "ünï code"), Pair("EMPTY_KEY", "")]);

        Assert.Equal("A_TOKEN=x=y\"z'#1\nB_KEY=ünï code\nEMPTY_KEY=\n", text);
        Assert.Equal(["A_TOKEN", "B_KEY", "EMPTY_KEY"], written);
        Assert.Empty(refused);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\r")]
    [InlineData(" lead")]
    [InlineData("trail\t")]
    [InlineData("\"quoted")]
    [InlineData("quoted'")]
    [InlineData("pa$word")]
    [InlineData("back\\slash")]
    [InlineData("value #comment")]
    [InlineData("#hash")]
    [InlineData("nul\0")]
    public void Format_WithValueDockerOrComposeWouldChange_ShouldRefuseItByName(string value)
    {
        var (text, written, refused) = DockerEnvFile.Format([Pair("ODD_TOKEN", value), Pair("GOOD_TOKEN", "fine")]);

        Assert.Equal("GOOD_TOKEN=fine\n", text);
        Assert.Equal(["GOOD_TOKEN"], written);
        var error = Assert.IsType<DockerEnvValueException>(Assert.Single(refused));
        Assert.Equal("ODD_TOKEN", error.Name);
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void Format_WithLoneSurrogate_ShouldRefuseIt()
    {
        // Built here, not in [InlineData]: the test runner's serialisation would replace the lone surrogate.
        var refused = DockerEnvFile.Format([Pair("ODD_TOKEN", "lone" + (char)0xD800)]).Refused;

        Assert.IsType<DockerEnvValueException>(Assert.Single(refused));
    }

    [Fact]
    public void Format_WithLineOver64KiB_ShouldRefuseIt()
    {
        var refused = DockerEnvFile.Format([Pair("BIG_KEY", new string('x', 64 * 1024))]).Refused;

        Assert.IsType<DockerEnvValueException>(Assert.Single(refused));
    }

    [Fact]
    public void Format_WithNameGivenTwice_ShouldNotWriteAnEarlierValueOfARefusedName()
    {
        var (text, _, refused) = DockerEnvFile.Format([Pair("A_TOKEN", "ok"), Pair("A_TOKEN", "bad\n"), Pair("bad-name", "v")]);

        Assert.Equal(string.Empty, text);
        Assert.Equal(2, refused.Count);
        Assert.IsType<ExportNameException>(refused.Last());
    }
}
