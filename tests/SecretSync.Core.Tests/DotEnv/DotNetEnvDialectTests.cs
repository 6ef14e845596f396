using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Tests.DotEnv;

/// <summary>
/// The DotNetEnv dialect reads a file as DotNetEnv 3.0.0 does (reference dotenv-and-mcp.md, section 3, the DotNetEnv
/// column); the python-dotenv column of the same rows is in <see cref="DotEnvReaderTests"/>.
/// </summary>
public sealed class DotNetEnvDialectTests
{
    private const string Variable = "SECRETSYNC_DIALECT_TEST_X_5E2B";

    private static IReadOnlyList<DotEnvEntry> Parse(string text) =>
        DotEnvReader.Parse(text, ".env", DotEnvReader.NoEnvironment, DotEnvDialect.DotNetEnv);

    [Theory]
    [InlineData("3", "KEY=#c", "")]
    [InlineData("6", "KEY='${" + Variable + "}'", "${" + Variable + "}")]
    [InlineData("8", "KEY=$" + Variable + "/y", "xval/y")]
    [InlineData("9", "KEY=${SECRETSYNC_DIALECT_MISSING_5E2B:-def}", "${SECRETSYNC_DIALECT_MISSING_5E2B:-def}")]
    [InlineData("11", "KEY=\"\\$" + Variable + "\"", "$" + Variable)]
    [InlineData("13", "set KEY=v", "v")]
    [InlineData("21", "KEY=\"a\\nb\\tc\"", "a\nb\tc")]
    [InlineData("33", "KEY=\"l1\r\nl2\"", "l1\r\nl2")]
    [InlineData("x-hex-escape", "KEY=\"a\\x41\"", "aA")]
    [InlineData("x-plain", "KEY=value # comment", "value")]
    public void Parse_WithDotNetEnvDialect_ShouldGiveDotNetEnvValue(string row, string text, string expected)
    {
        Environment.SetEnvironmentVariable(Variable, "xval");
        try
        {
            Assert.NotNull(row);
            Assert.Equal(expected, Assert.Single(Parse(text)).Value);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Theory]
    [InlineData("15", "A=1\nKEY\nB=2", 2)]
    [InlineData("24", "KEY='it\\'s'", 1)]
    [InlineData("26", "OK=1\nKEY=a\"b", 2)]
    [InlineData("36", "1KEY=v", 1)]
    [InlineData("35", "I1=1\rI2=2\r", 1)]
    public void Parse_WithTextDotNetEnvRejects_ShouldThrowWithLineAndNoFileText(string row, string text, int line)
    {
        var ex = Assert.Throws<DotEnvParseException>(() => Parse(text));

        Assert.NotNull(row);
        Assert.Equal(line, ex.Line);
        Assert.Contains("DotNetEnv", ex.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithMultiLineValues_ShouldGiveEachKeyItsLine()
    {
        var entries = Parse("# c\nA=1\n\nPEM=\"l1\nl2\nl3\"\n  export B='x'\nA=2\n");

        Assert.Equal(["A", "PEM", "B", "A"], entries.Select(e => e.Key));
        Assert.Equal([2, 4, 7, 8], entries.Select(e => e.Line));
        Assert.Equal(".env:7", entries[2].Origin);
    }

    [Fact]
    public void Parse_WithDotNetEnvDialect_ShouldNotSetProcessVariables()
    {
        const string Name = "SECRETSYNC_DIALECT_NOT_SET_5E2B";

        Parse(Name + "=value\n");

        Assert.Null(Environment.GetEnvironmentVariable(Name));
    }

    [Fact]
    public void Parse_WithBomAndCrlf_ShouldReadLikeDotNetEnvLoad()
    {
        Assert.Equal(["1", "x"], Parse("\uFEFFA=1\r\nB=\"x\"\r\n").Select(e => e.Value));
    }
}
