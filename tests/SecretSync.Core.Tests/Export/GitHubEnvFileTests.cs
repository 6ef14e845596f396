using SecretSync.Core.Stores.Export;

namespace SecretSync.Core.Tests.Export;

public sealed class GitHubEnvFileTests
{
    [Fact]
    public void FormatEntry_WithOneLineValue_ShouldWriteNameEqualsValue()
    {
        Assert.Equal("A_TOKEN=v=1 # not a comment\n", GitHubEnvFile.FormatEntry("A_TOKEN", "v=1 # not a comment"));
    }

    [Fact]
    public void FormatEntry_WithMultiLineValue_ShouldUseDelimiterForm()
    {
        Assert.Equal("PEM_KEY<<EOF_1\nl1\nl2\nEOF_1\n", GitHubEnvFile.FormatEntry("PEM_KEY", "l1\nl2", () => "EOF_1"));
    }

    [Fact]
    public void FormatEntry_WithDelimiterInsideValue_ShouldPickAnotherDelimiter()
    {
        var delimiters = new Queue<string>(["EOF_1", "EOF_2"]);

        var entry = GitHubEnvFile.FormatEntry("PEM_KEY", "l1\nEOF_1\nINJECTED=1", delimiters.Dequeue);

        Assert.Equal("PEM_KEY<<EOF_2\nl1\nEOF_1\nINJECTED=1\nEOF_2\n", entry);
    }

    [Fact]
    public void FormatEntry_WithDefaultDelimiter_ShouldBeRandomAndAbsentFromValue()
    {
        var entry = GitHubEnvFile.FormatEntry("PEM_KEY", "a\nb");

        Assert.StartsWith("PEM_KEY<<ghadelimiter_", entry, System.StringComparison.Ordinal);
        Assert.NotEqual(entry, GitHubEnvFile.FormatEntry("PEM_KEY", "a\nb"));
    }

    [Theory]
    [InlineData("BAD=NAME")]
    [InlineData("BAD\nNAME")]
    [InlineData("")]
    public void FormatEntry_WithInvalidName_ShouldThrow(string name)
    {
        Assert.Throws<ExportNameException>(() => GitHubEnvFile.FormatEntry(name, "v"));
    }
}
