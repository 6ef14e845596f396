using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.Esc.Yaml;

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

    /// <summary>One value per class of code point, each between ordinary text.</summary>
    public static IEnumerable<object[]> CodePointClasses() => new[]
    {
        ("ASCII printable", "!~ 0aZ"),
        ("C0 controls", string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c))),
        ("DEL", "\u007f"),
        ("C1 controls and NEL", string.Concat(Enumerable.Range(0x80, 0x20).Select(c => (char)c))),
        ("Latin-1 and BMP letters", "\u00a0é中ß"),
        ("line and paragraph separators", "\u2028\u2029"),
        ("byte order mark", "\ufeff"),
        ("private use", "\ue000\uf8ff"),
        ("last BMP character before the noncharacters", "\ufffd"),
        ("astral (surrogate pairs)", "😀\U0001F511\U0010FFFD"),
        ("noncharacters U+FDD0..U+FDEF", "\ufdd0\ufdef"),
        ("noncharacter U+FFFE", "\ufffe"),
        ("noncharacter U+FFFF", "\uffff"),
        ("astral noncharacters", "\U0001FFFE\U0010FFFF"),
    }.Select(c => new object[] { c.Item1, "a" + c.Item2 + "z" });

    [Theory]
    [MemberData(nameof(CodePointClasses))]
    public void Apply_WithEachCodePointClass_ShouldWriteOnlyYamlPrintableTextThatReadsBackExactly(string label, string value)
    {
        var result = EscDefinitionEditor.Apply(string.Empty, new[] { EscEdit.SetSecret("K", "svc.k", value) });

        // yaml.v3 (ESC's parser) refuses any raw character outside YAML's c-printable set, wherever it stands.
        var raw = EnumerateCodePoints(result).FirstOrDefault(c => !IsYamlPrintable(c), -1);
        Assert.True(raw < 0, $"{label}: U+{raw:X4} written raw");
        var base64 = YamlTestReader.Scalar(result, "values", "svc", "k", "fn::fromBase64", "fn::secret");
        var read = base64 is null ? YamlTestReader.Scalar(result, "values", "svc", "k", "fn::secret") : Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData("\ufdd0")]
    [InlineData("\ufffe")]
    [InlineData("\uffff")]
    [InlineData("\U0001FFFF")]
    public void Apply_WithNoncharacter_ShouldWriteSecretBase64(string noncharacter)
    {
        var result = EscDefinitionEditor.Apply(string.Empty, new[] { EscEdit.SetSecret("K", "svc.k", "x" + noncharacter) });

        Assert.NotNull(YamlTestReader.Node(result, "values", "svc", "k", "fn::fromBase64", "fn::secret"));
    }

    [Fact]
    public void SetSecret_WithAnyLoneSurrogate_ShouldRefuse()
    {
        // A Fact, not InlineData: theory data crosses to the runner as UTF-8, which would turn these into U+FFFD.
        foreach (var value in new[] { "\ud800", "\udfff", "a\udc00\ud800b", "end\ud83d", "\ude00start" })
        {
            Assert.Throws<ArgumentException>(() => EscEdit.SetSecret("K", "svc.k", value));
        }
    }

    private static IEnumerable<int> EnumerateCodePoints(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else
            {
                yield return text[i];
            }
        }
    }

    // YAML 1.2 c-printable, as yaml.v3's reader checks it (a lone surrogate is never printable).
    private static bool IsYamlPrintable(int c) =>
        c is 0x09 or 0x0A or 0x0D or 0x85 || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}
