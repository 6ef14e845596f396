using DotNetEnv;
using DotNetEnv.Extensions;
using SecretSync.Core.DotEnv;
using SecretSync.Core.Stores.Export;

namespace SecretSync.Core.Tests.Export;

public sealed class PortableDotEnvValueTests
{
    public static readonly TheoryData<string> PortableValues = new()
    {
        "",
        "plain-token_123",
        "sk-proj-AbC/def+ghi=",
        "  leading and trailing  ",
        "with # hash",
        "#starts-with-hash",
        "it's",
        "say \"hi\"",
        "both ' and \"",
        "C:\\dir\\",
        "C:\\Program Files\\app",
        "\\",
        "back\\slash \\n not newline",
        "\\\\double",
        "pa$$word and $1 and ends with $",
        "$X alone in single quotes",
        "${",
        "${unclosed",
        "${a:b}",
        "line1\nline2\n",
        "crlf\r\ninside\rlone",
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
        "tab\there\vvt\fff\a\b",
        "unicode héllo 🔑 ключ 中文",
        "\u00a0nbsp\u00a0 and \u0085 next line",
        "{\"json\":\"value\",\"n\":[1,2]}",
        "`backticks`",
        "=starts=with=equals",
        "'quoted'",
        "\"dq\"",
        "ends with quote'",
        "x=1&y=2?z=%20",
        "multi\nline with 'quote' and \"dq\" and \\ inside",
    };

    public static readonly TheoryData<string, string> RefusedValues = new()
    {
        { "has ${HOME} inside", "${...}" },
        { "${}", "${...}" },
        { "${A:-default}", "${...}" },
        { "it's $HOME", "DotNetEnv expands $NAME" },
        { "line\n$_x", "DotNetEnv expands $NAME" },
        { "quote' then backslash\\", "ends with a backslash" },
        { "bell\u0001", "control character" },
        { "del\u007f", "control character" },
        { "c1\u0080", "control character" },
    };

    [Theory]
    [MemberData(nameof(PortableValues))]
    public void Format_WithPortableValue_ShouldReadBackExactlyInDotNetEnvAndPythonDotenv(string value)
    {
        var text = "FIRST=\"x\"\nSECRET_VALUE=" + PortableDotEnvValue.Format("SECRET_VALUE", value) + "\nLAST=\"y\"\n";

        var dotNetEnv = Env.LoadContents(text, new LoadOptions(setEnvVars: false)).ToDotEnvDictionary(CreateDictionaryOption.TakeLast);
        var python = DotEnvReader.Parse(text, ".env", DotEnvReader.NoEnvironment).ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal(value, dotNetEnv["SECRET_VALUE"]);
        Assert.Equal(value, python["SECRET_VALUE"]);
        Assert.Equal("y", dotNetEnv["LAST"]);
        Assert.Equal("y", python["LAST"]);
    }

    [Theory]
    [MemberData(nameof(PortableValues))]
    public void Format_WithAnyPortableValue_ShouldWriteNoRawLineBreak(string value)
    {
        var formatted = PortableDotEnvValue.Format("SECRET_VALUE", value);

        Assert.DoesNotContain('\n', formatted);
        Assert.DoesNotContain('\r', formatted);
    }

    [Theory]
    [MemberData(nameof(RefusedValues))]
    public void Format_WithValueNoSpellingCarriesToBothReaders_ShouldThrowNamingSecretNotValue(string value, string reason)
    {
        var e = Assert.Throws<ValueNotPortableException>(() => PortableDotEnvValue.Format("LEAKY_API_KEY", value));

        Assert.Equal("LEAKY_API_KEY", e.Name);
        Assert.Contains(reason, e.Message, System.StringComparison.Ordinal);
        Assert.Contains("LEAKY_API_KEY", e.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain(value, e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_WithLoneSurrogate_ShouldRefuse()
    {
        Assert.Contains("lone surrogate", PortableDotEnvValue.Problem("lone \ud800 surrogate"), System.StringComparison.Ordinal);
        Assert.Null(PortableDotEnvValue.Problem("pair \ud83d\udd11 ok"));
    }

    [Fact]
    public void Format_WithDollarBrace_ShouldRefuseWhereDotEnvWriterUsesPythonOnlySpelling()
    {
        // DotEnvWriter's ${:-$}{ spelling is exact for python-dotenv but DotNetEnv reads it literally.
        var pythonOnly = "K=" + DotEnvWriter.FormatValue("a${B}c");
        var dotNetEnv = Env.LoadContents(pythonOnly, new LoadOptions(setEnvVars: false)).ToDotEnvDictionary();

        Assert.NotEqual("a${B}c", dotNetEnv["K"]);
        Assert.NotNull(PortableDotEnvValue.Problem("a${B}c"));
    }

    [Fact]
    public void Problem_WithEveryPortableValue_ShouldBeNull()
    {
        var problems = ((System.Collections.Generic.IEnumerable<object[]>)PortableValues).Select(row => (string)row[0]).Where(v => PortableDotEnvValue.Problem(v) is not null).ToList();

        Assert.Empty(problems);
    }

    internal static Dictionary<string, string> ReadBoth(string text, out Dictionary<string, string> python)
    {
        python = DotEnvReader.Parse(text, ".env", DotEnvReader.NoEnvironment).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        return Env.LoadContents(text, new LoadOptions(setEnvVars: false)).ToDotEnvDictionary(CreateDictionaryOption.TakeLast);
    }
}
