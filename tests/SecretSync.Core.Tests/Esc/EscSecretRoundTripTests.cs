using System;
using System.Collections.Generic;
using System.Text;
using SecretSync.Core.Esc;
using Xunit;

namespace SecretSync.Core.Tests.Esc;

public sealed class EscSecretRoundTripTests
{
    public static IEnumerable<object[]> NastyValues()
    {
        var values = new[]
        {
            string.Empty, " ", "  leading", "trailing  ", "\t tab", "a\r\nb", "line1\nline2\n", "\n", "nul\0byte",
            "emoji 😀🔑", "ünïcödé ß 中文", "\"quoted\"", "'single'", "back\\slash\\", "# not a comment", "a #b", "key: value",
            ": colon", "- dash", "{brace}", "[bracket]", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "$$", "$",
            "pa$$word", "cost $5", "|", ">", "?", "~", "null", "true", "0x1F", "1e3", "---", "...", "\u2028sep\u0085nel\u00a0nbsp",
            "\u001b[31mansi", "\ufeffbom", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
        };
        foreach (var value in values)
        {
            yield return new object[] { value };
        }
    }

    [Theory]
    [MemberData(nameof(NastyValues))]
    public void Apply_WithNastyValue_ShouldParseBackExactly(string value)
    {
        var result = EscDefinitionEditor.Apply("values:\n  x: 1\n", new[] { EscEdit.SetSecret("K", "svc.k", value) });

        Assert.Equal(value, YamlTestReader.Scalar(result, "values", "svc", "k", "fn::secret"));
    }

    [Theory]
    [MemberData(nameof(NastyValues))]
    public void Apply_WithNastyValueReplacingFlowCiphertext_ShouldParseBackExactly(string value)
    {
        var result = EscDefinitionEditor.Apply("values:\n  svc: {k: {fn::secret: {ciphertext: abc}}}\n", new[] { EscEdit.SetSecret("K", "svc.k", value) });

        Assert.Equal(value, YamlTestReader.Scalar(result, "values", "svc", "k", "fn::secret"));
    }

    [Theory]
    [InlineData("${x}")]
    [InlineData("a${b.c}d")]
    [InlineData("$${x}")]
    [InlineData("${")]
    [InlineData("multi\n${line}\r\n😀")]
    public void Apply_WithInterpolationInValue_ShouldWriteSecretBase64(string value)
    {
        var result = EscDefinitionEditor.Apply(string.Empty, new[] { EscEdit.SetSecret("K", "svc.k", value) });

        var base64 = YamlTestReader.Scalar(result, "values", "svc", "k", "fn::fromBase64", "fn::secret");
        Assert.Equal(value, Encoding.UTF8.GetString(Convert.FromBase64String(base64!)));
        Assert.Null(YamlTestReader.Node(result, "values", "svc", "k", "fn::secret"));
    }

    [Fact]
    public void Apply_WithDollarsButNoInterpolation_ShouldWriteThemRaw()
    {
        var result = EscDefinitionEditor.Apply(string.Empty, new[] { EscEdit.SetSecret("K", "svc.k", "pa$$w$rd$") });

        Assert.Contains("fn::secret: \"pa$$w$rd$\"", result, StringComparison.Ordinal);
    }

    [Fact]
    public void SetSecret_WithLoneSurrogate_ShouldRefuseWithoutShowingTheValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => EscEdit.SetSecret("K", "svc.k", "bad\ud800zzz"));

        Assert.DoesNotContain("zzz", ex.Message, StringComparison.Ordinal);
    }
}
