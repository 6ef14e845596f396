using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Tests.DotEnv;

/// <summary>Expected values are python-dotenv 1.2.2's dotenv_values (checked by hand against python3).</summary>
public sealed class DotEnvReaderTests
{
    private static readonly Dictionary<string, string> s_environment = new() { ["X"] = "xval", ["HOST"] = "h", ["EMPTY"] = "" };

    private static string? Lookup(string name) => s_environment.TryGetValue(name, out var value) ? value : null;

    private static IReadOnlyList<DotEnvEntry> Parse(string text) => DotEnvReader.Parse(text, ".env", Lookup);

    private static string Single(string text) => Assert.Single(Parse(text)).Value;

    [Theory]
    [InlineData("1", "KEY=value # comment", "value")]
    [InlineData("2", "KEY=value#notcomment", "value#notcomment")]
    [InlineData("3", "KEY=#c", "#c")]
    [InlineData("4d", "KEY=\"a#b\"", "a#b")]
    [InlineData("4s", "KEY='a#b'", "a#b")]
    [InlineData("5", "KEY=\"v\" # c", "v")]
    [InlineData("6", "KEY='${X}'", "xval")]
    [InlineData("7", "KEY=\"${X}\"", "xval")]
    [InlineData("8", "KEY=$X/y", "$X/y")]
    [InlineData("9", "KEY=${MISSING:-def}", "def")]
    [InlineData("11", "KEY=\"\\$X\"", "\\$X")]
    [InlineData("12", "export KEY=v", "v")]
    [InlineData("14", "KEY=", "")]
    [InlineData("14q", "KEY=\"\"", "")]
    [InlineData("16", "KEY = v", "v")]
    [InlineData("16i", "  KEY=v", "v")]
    [InlineData("17", "KEY=  a b  ", "a b")]
    [InlineData("18", "KEY=\"  a b  \"", "  a b  ")]
    [InlineData("19", "KEY=\"l1\nl2\"", "l1\nl2")]
    [InlineData("20", "KEY='l1\nl2'", "l1\nl2")]
    [InlineData("21", "KEY=\"a\\nb\\tc\"", "a\nb\tc")]
    [InlineData("22s", "KEY='a\\nb'", "a\\nb")]
    [InlineData("22u", "KEY=a\\nb", "a\\nb")]
    [InlineData("23", "KEY=\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("24", "KEY='it\\'s'", "it's")]
    [InlineData("25", "KEY=\"c:\\\\dir\"", "c:\\dir")]
    [InlineData("26", "KEY=a\"b", "a\"b")]
    [InlineData("27", "KEY={\"a\":\"b\"}", "{\"a\":\"b\"}")]
    [InlineData("28", "KEY=a=b", "a=b")]
    [InlineData("29", "KEY=`x y`", "`x y`")]
    [InlineData("33", "KEY=\"l1\r\nl2\"", "l1\nl2")]
    [InlineData("34", "KEY=v", "v")]
    [InlineData("42", "KEY=$HOST-name", "$HOST-name")]
    [InlineData("x-all-escapes", "KEY=\"\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\"", "\a\b\f\n\r\t\v\\'\"")]
    [InlineData("x-dotnetenv-only-escapes", "KEY=\"\\u0041 \\x41 \\101 \\? \\$ \\` \\q\"", "\\u0041 \\x41 \\101 \\? \\$ \\` \\q")]
    [InlineData("x-bare-dollar-in-escaped-double", "KEY=\"a\\\\$X b\"", "a\\$X b")]
    [InlineData("x-trailing-backslash", "KEY=\"C:\\\\dir\\\\\"", "C:\\dir\\")]
    [InlineData("x-escaped-quote-closes-last", "KEY=\"abc\\\"", "abc\\")]
    [InlineData("x-single-backslashes", "KEY='a\\\\b\\c'", "a\\b\\c")]
    [InlineData("x-default-when-empty-is-set", "KEY=${EMPTY:-d}", "")]
    [InlineData("x-colon-not-default", "KEY=${X:=d}", "${X:=d}")]
    [InlineData("x-empty-name-default", "KEY='${:-$}{X}'", "${X}")]
    [InlineData("x-comment-no-space-after-quote", "KEY='v'#c", "v")]
    [InlineData("x-unicode", "KEY=\"héllo wörld 🔑 ключ\"", "héllo wörld 🔑 ключ")]
    [InlineData("x-nbsp-comment", "KEY=a\u00a0#x", "a")]
    [InlineData("x-control-char-with-escape", "KEY=\"\u0001\\n\"", "\u0001\n")]
    [InlineData("x-lone-quote-after-escaped-backslash", "KEY=\"a\\\\\"", "a\\")]
    public void Parse_WithEdgeCaseRow_ShouldGivePythonDotenvValue(string row, string text, string expected)
    {
        Assert.NotNull(row);
        Assert.Equal(expected, Single(text));
    }

    [Theory]
    [InlineData("KEY=1", "KEY")]
    [InlineData("1KEY=v", "1KEY")]
    [InlineData("MY-KEY.x=v", "MY-KEY.x")]
    [InlineData("'quoted key'=v", "quoted key")]
    [InlineData("export   KEY=v", "KEY")]
    [InlineData("export=v", "export")]
    [InlineData("\uFEFFKEY=v", "KEY")]
    [InlineData("'a\r\nb'=v", "a\nb")]
    [InlineData("'a\rb'=v", "a\nb")]
    public void Parse_WithKey_ShouldGiveKey(string text, string expectedKey)
    {
        Assert.Equal(expectedKey, Assert.Single(Parse(text)).Key);
    }

    [Fact]
    public void Parse_WithEarlierKey_ShouldInterpolateFromFileBeforeLookup()
    {
        var entries = Parse("A=1\nKEY=${A}2\nX=file\nY=${X}\nZ='${HOST}'");

        Assert.Equal(new[] { "1", "12", "file", "file", "h" }, entries.Select(e => e.Value));
    }

    [Fact]
    public void Parse_WithReferenceWhoseNameHasAnEscape_ShouldResolveTheDecodedName()
    {
        // python-dotenv decodes \" before it interpolates, so ${A\"B} names the key A"B.
        var entries = Parse("'A\"B'=1\nC=\"${A\\\"B}\"\nD=${A}");

        Assert.Equal(new[] { "1", "1", string.Empty }, entries.Select(e => e.Value));
    }

    [Fact]
    public void Parse_WithDuplicateKeys_ShouldKeepBothInFileOrder()
    {
        var entries = Parse("KEY=a\nKEY=b\nREF=${KEY}");

        Assert.Equal(new[] { "a", "b", "b" }, entries.Select(e => e.Value));
        Assert.Equal(new[] { 1, 2, 3 }, entries.Select(e => e.Line));
    }

    [Theory]
    [InlineData("A=1\r\nB=\"x\"\r\nC=y # c")]
    [InlineData("A=1\rB=\"x\"\rC=y # c\r")]
    [InlineData("\uFEFFA=1\nB=\"x\"\nC=y # c\n")]
    public void Parse_WithLineEndingsAndBom_ShouldReadEveryKey(string text)
    {
        var entries = Parse(text);

        Assert.Equal(new[] { "A", "B", "C" }, entries.Select(e => e.Key));
        Assert.Equal(new[] { "1", "x", "y" }, entries.Select(e => e.Value));
        Assert.Equal(new[] { 1, 2, 3 }, entries.Select(e => e.Line));
    }

    [Fact]
    public void Parse_WithPemKey_ShouldKeepLinesAndReportKeyPositions()
    {
        const string Pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nq+/=\n-----END PRIVATE KEY-----";
        string text = "# deploy key\r\nFIRST=1\r\n  PEM=\"" + Pem.Replace("\n", "\r\n", StringComparison.Ordinal) + "\"\r\nLAST='x'\r\n";

        var entries = Parse(text);

        Assert.Equal(Pem, entries[1].Value);
        Assert.Equal((3, 3), (entries[1].Line, entries[1].Column));
        Assert.Equal((7, 1), (entries[2].Line, entries[2].Column));
        Assert.Equal(".env:7", entries[2].Origin);
    }

    /// <summary>python-dotenv's own parser tests: a key without '=' is bound to None (declared, not set), and parsing goes on.</summary>
    [Theory]
    [InlineData("15", "A=1\nKEY\nB=2", "A=1|KEY|B=2")]
    [InlineData("15c", "KEY # comment", "KEY")]
    [InlineData("no_value_var", "no_value_var", "no_value_var")]
    [InlineData("x-bare-then-comment-no-space", "KEY#c\nB=2", "KEY|B=2")]
    [InlineData("x-bare-export", "export KEY  \r\nB=2", "KEY|B=2")]
    [InlineData("x-bare-unsets-earlier", "A=1\nA\nB=${A:-x}", "A=1|A|B=")]
    [InlineData("x-bare-default-ignored", "DEBUG\nB=${DEBUG:-x}", "DEBUG|B=")]
    public void Parse_WithKeyWithoutEqualSign_ShouldDeclareItWithoutValueAndGoOn(string row, string text, string expected)
    {
        var entries = Parse(text);

        Assert.NotNull(row);
        Assert.Equal(expected, string.Join("|", entries.Select(e => e.HasValue ? e.Key + "=" + e.Value : e.Key)));
        Assert.All(entries.Where(e => !e.HasValue), e => Assert.Equal(string.Empty, e.Value));
    }

    [Theory]
    [InlineData("13", "set KEY=v", 1, 5, "'set NAME=value' is not dotenv syntax")]
    [InlineData("38", "A=1\nKEY=\"abc\nB=2", 2, 5, "unterminated double-quoted value")]
    [InlineData("38s", "KEY='abc", 1, 5, "unterminated single-quoted value")]
    [InlineData("39", "KEY=\"x\"junk", 1, 8, "unexpected text after the closing quote")]
    [InlineData("40", "KEY: v", 1, 6, "use '=' instead of ':'")]
    [InlineData("41", "A=1\r\nthis is not valid\r\nB=2", 2, 6, "keys cannot contain spaces")]
    [InlineData("x-no-key", "A=1\n=v", 2, 1, "expected a key")]
    [InlineData("x-export-no-key", "export =v", 1, 8, "expected a key")]
    [InlineData("x-empty-quoted-key", "''=v", 1, 1, "single-quoted key")]
    [InlineData("x-python-backslash-trap", "A=\"C:\\\\dir\\\\\"\nB=\"x\"", 2, 4, "opened on line 1")]
    public void Parse_WithStatementPythonSkips_ShouldThrowAtOffendingCharacter(string row, string text, int line, int column, string problem)
    {
        var ex = Assert.Throws<DotEnvParseException>(() => Parse(text));

        Assert.NotNull(row);
        Assert.Equal((".env", line, column), (ex.FilePath, ex.Line, ex.Column));
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
        Assert.StartsWith($".env:{line}:{column}: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("SecretSync.DotEnvParseError", DotEnvParseException.ErrorId);
    }

    [Theory]
    [InlineData("ghp_s3cr3tTokenValue1234567890 pasted")]
    [InlineData("TOKEN=\"ghp_s3cr3tTokenValue1234567890")]
    [InlineData("TOKEN=\"ghp_s3cr3tTokenValue1234567890\"trailing")]
    [InlineData("TOKEN ghp_s3cr3tTokenValue1234567890")]
    public void Parse_WithBadLine_ShouldNotQuoteFileTextInMessage(string text)
    {
        var ex = Assert.Throws<DotEnvParseException>(() => Parse(text));

        Assert.DoesNotContain("s3cr3t", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithDoubleQuotedEscapes_ShouldLeaveProcessEnvironmentUntouched()
    {
        const string Name = "SECRETSYNC_DOTENV_READER_TEST_7F3A";
        Environment.SetEnvironmentVariable("SECRETSYNC_DOTENV_EXISTING_7F3A", "before");
        try
        {
            var entries = DotEnvReader.Parse(
                $"{Name}=\"a\\nb\"\nSECRETSYNC_DOTENV_EXISTING_7F3A=after\nREF=${{SECRETSYNC_DOTENV_EXISTING_7F3A}}\nU=\"$HOME\\t\"",
                ".env",
                DotEnvReader.ProcessEnvironment);

            Assert.Null(Environment.GetEnvironmentVariable(Name));
            Assert.Equal("before", Environment.GetEnvironmentVariable("SECRETSYNC_DOTENV_EXISTING_7F3A"));
            Assert.Equal("after", entries[2].Value);
            Assert.Equal("$HOME\t", entries[3].Value);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SECRETSYNC_DOTENV_EXISTING_7F3A", null);
        }
    }

    [Fact]
    public void Parse_WithProcessEnvironmentLookup_ShouldReadButNotDefineVariables()
    {
        Environment.SetEnvironmentVariable("SECRETSYNC_DOTENV_LOOKUP_9C1D", "fromenv");
        try
        {
            var entries = DotEnvReader.Parse("A=${SECRETSYNC_DOTENV_LOOKUP_9C1D}\nB=${:-d}", ".env", DotEnvReader.ProcessEnvironment);

            Assert.Equal(new[] { "fromenv", "d" }, entries.Select(e => e.Value));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SECRETSYNC_DOTENV_LOOKUP_9C1D", null);
        }
    }

    [Fact]
    public void Parse_WithTenThousandKeys_ShouldReturnEveryKeyInOrder()
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            text.Append((i % 3) switch
            {
                0 => $"KEY_{i}=value-{i} # c\n",
                1 => $"KEY_{i}=\"v\\t{i}\\n${{KEY_{i - 1}}}\"\n",
                _ => $"export KEY_{i}='raw {i}'\n",
            });
        }

        var entries = Parse(text.ToString());

        Assert.Equal(10_000, entries.Count);
        Assert.Equal("KEY_9999", entries[9999].Key);
        Assert.Equal("v\t1\nvalue-0", entries[1].Value);
        Assert.Equal("raw 9998", entries[9998].Value);
        Assert.Equal(10_000, entries[9999].Line);
    }

    [Fact]
    public void Entry_ToString_ShouldNotShowValue()
    {
        var entry = Assert.Single(DotEnvReader.Parse("TOKEN=supersecretvalue", "/x/app/.env", DotEnvReader.NoEnvironment));

        Assert.Equal("TOKEN (.env:1)", entry.ToString());
    }
}
