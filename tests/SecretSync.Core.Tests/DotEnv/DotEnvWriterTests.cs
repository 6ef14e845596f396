using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Tests.DotEnv;

public sealed class DotEnvWriterTests
{
    public static readonly TheoryData<string> NastyValues = new()
    {
        "",
        "plain-token_123",
        "  leading and trailing  ",
        "with # hash",
        "#starts-with-hash",
        "it's",
        "say \"hi\"",
        "both ' and \"",
        "C:\\dir\\",
        "a b\\",
        "\\",
        "back\\slash \\n not newline",
        "\\\\double",
        "$X and ${X} and ${X:-d} and $${X}",
        "${",
        "ends with $",
        "${:-$}",
        "line1\nline2\n",
        "crlf\r\ninside\rlone",
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
        "tab\there\vvt\fff\a\b",
        "unicode héllo 🔑 ключ 中文",
        "\u00a0nbsp\u00a0",
        "{\"json\":\"value\",\"n\":[1,2]}",
        "`backticks`",
        "=starts=with=equals",
        "'quoted'",
        "\"dq\"",
        "\"\\\"",
        "null\0char",
        "export X=1",
    };

    [Theory]
    [MemberData(nameof(NastyValues))]
    public void FormatLine_WithNastyValue_ShouldReadBackExactly(string value)
    {
        string text = DotEnvWriter.FormatLine("KEY", value) + "\nNEXT=\"x\" # c\n";

        var entries = DotEnvReader.Parse(text, ".env", name => name == "X" ? "xval" : null);

        Assert.Equal(new[] { "KEY", "NEXT" }, entries.Select(e => e.Key));
        Assert.Equal(value, entries[0].Value);
        Assert.Equal("x", entries[1].Value);
    }

    [Theory]
    [InlineData("ghp_abc123", "ghp_abc123")]
    [InlineData("https://h.example/path?q=1&r=2", "https://h.example/path?q=1&r=2")]
    [InlineData("", "")]
    [InlineData("two words", "'two words'")]
    [InlineData("l1\nl2", "'l1\nl2'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("${X}", "'${:-$}{X}'")]
    public void FormatValue_WithValue_ShouldPickSimplestQuoting(string value, string expected)
    {
        Assert.Equal(expected, DotEnvWriter.FormatValue(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A B")]
    [InlineData("A=B")]
    [InlineData("A#B")]
    [InlineData("'A")]
    public void FormatLine_WithUnwritableName_ShouldThrowArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => DotEnvWriter.FormatLine(name, "v"));
    }

    [Fact]
    public void Merge_WithExistingKeys_ShouldReplaceInPlaceAndKeepEverythingElse()
    {
        const string Existing = "\uFEFF# header comment\r\nexport A=old # keep me\r\n\r\nB='x'\r\nC=\"y\"#tight\r\nA=dup\r\nD=  # not a comment\r\n";

        string merged = DotEnvWriter.Merge(Existing, Pairs(("A", "new value"), ("C", "z"), ("E", "l1\nl2"), ("B", "")));

        Assert.Equal(
            "\uFEFF# header comment\r\nexport A='new value' # keep me\r\n\r\nB=\r\nC=z #tight\r\nA='new value'\r\nD=  # not a comment\r\nE='l1\r\nl2'\r\n",
            merged);
        var entries = DotEnvReader.Parse(merged, ".env", DotEnvReader.NoEnvironment);
        Assert.Equal(new[] { "A", "B", "C", "A", "D", "E" }, entries.Select(e => e.Key));
        Assert.Equal(new[] { "new value", "", "z", "new value", "# not a comment", "l1\nl2" }, entries.Select(e => e.Value));
    }

    [Fact]
    public void Merge_WithEmptyValueBeforeComment_ShouldQuoteIt()
    {
        string merged = DotEnvWriter.Merge("A=\"x\" # c\n", Pairs(("A", "")));

        Assert.Equal("A='' # c\n", merged);
        Assert.Equal(string.Empty, Assert.Single(DotEnvReader.Parse(merged, ".env", DotEnvReader.NoEnvironment)).Value);
    }

    [Theory]
    [InlineData("", "K=v\n")]
    [InlineData("A=1", "A=1\nK=v\n")]
    [InlineData("A=1\n", "A=1\nK=v\n")]
    [InlineData("A=1\r\n", "A=1\r\nK=v\r\n")]
    public void Merge_WithNewKey_ShouldAppendWithFileLineEnding(string existing, string expected)
    {
        Assert.Equal(expected, DotEnvWriter.Merge(existing, Pairs(("K", "v"))));
    }

    [Theory]
    [InlineData("DEBUG\nA=1\n", "DEBUG", "DEBUG=v\nA=1\n")]
    [InlineData("KEY # comment\n", "KEY", "KEY=v # comment\n")]
    [InlineData("KEY#comment", "KEY", "KEY=v #comment")]
    [InlineData("export KEY\r\n", "KEY", "export KEY=v\r\n")]
    public void Merge_WithKeyWithoutEqualSign_ShouldGiveItTheValue(string existing, string name, string expected)
    {
        Assert.Equal(expected, DotEnvWriter.Merge(existing, Pairs((name, "v"))));
    }

    [Fact]
    public void Merge_WithUnparsableText_ShouldThrowWithoutValueInMessage()
    {
        var ex = Assert.Throws<DotEnvParseException>(
            () => DotEnvWriter.Merge("A=1\nB=\"s3cr3t\"junk\n", Pairs(("A", "topsecretvalue")), "app/.env"));

        Assert.Equal(("app/.env", 2), (ex.FilePath, ex.Line));
        Assert.DoesNotContain("s3cr3t", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("topsecretvalue", ex.ToString(), StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(params (string Name, string Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value));
}
