using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Tests.Esc;

public sealed class EscDefinitionEditorTests
{
    private const string Ciphertext = "ZXNjeAAAAAGxsrO0gN+X5A==";

    private static readonly EscEdit s_setLinear = EscEdit.SetSecret("LINEAR_API_KEY", "linear.linear_api_key", "lin-123");

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{}\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    [InlineData("values:\n")]
    [InlineData("values: {}\n")]
    public void Apply_WithEmptyDefinition_ShouldWriteValueReferenceAndRecord(string definition)
    {
        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.Equal("lin-123", YamlTestReader.Scalar(result, "values", "linear", "linear_api_key", "fn::secret"));
        Assert.Equal("${linear.linear_api_key}", YamlTestReader.Scalar(result, "values", "environmentVariables", "LINEAR_API_KEY"));
        Assert.Equal("linear.linear_api_key", YamlTestReader.Scalar(result, "values", "secretSync", "managedKeys", "LINEAR_API_KEY"));
    }

    [Fact]
    public void Apply_WithEmptyDefinition_ShouldWriteTheDocumentedLayout()
    {
        var result = EscDefinitionEditor.Apply(string.Empty, new[] { s_setLinear });

        Assert.Equal(
            "values:\n" +
            "  linear:\n" +
            "    linear_api_key:\n" +
            "      fn::secret: \"lin-123\"\n" +
            "  environmentVariables:\n" +
            "    LINEAR_API_KEY: ${linear.linear_api_key}\n" +
            "  # " + "Written by SecretSync: the keys it manages (Sync-SophiaSecret -Prune removes only these).\n" +
            "  secretSync:\n" +
            "    managedKeys:\n" +
            "      LINEAR_API_KEY: linear.linear_api_key\n",
            result);
    }

    [Fact]
    public void Apply_WithCommentsImportsAndOtherKeys_ShouldKeepUntouchedTextByteIdentical()
    {
        const string head =
            "# Production secrets\n" +
            "imports:\n" +
            "  - base/common   # shared\n" +
            "values:\n" +
            "  # AI providers\n" +
            "  openai:\n" +
            "    openai_api_key:\n" +
            "      fn::secret:\n" +
            "        ciphertext: " + Ciphertext + "\n" +
            "    region: 'eu' # keep\n";
        const string middle =
            "  environmentVariables:\n" +
            "    OPENAI_API_KEY: ${openai.openai_api_key}\n" +
            "    HAND_WRITTEN: \"x\"   # not ours\n";
        var definition = head + middle + "description: prod\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith(head + "  linear:\n    linear_api_key:\n      fn::secret: \"lin-123\"\n" + middle + "    LINEAR_API_KEY: ${linear.linear_api_key}\n", result);
        Assert.EndsWith("description: prod\n", result);
        Assert.Equal(Ciphertext, YamlTestReader.Scalar(result, "values", "openai", "openai_api_key", "fn::secret", "ciphertext"));
    }

    [Fact]
    public void Apply_WithExistingBlockCiphertext_ShouldReplaceOnlyThatValue()
    {
        const string head = "values:\n  linear:\n    # rotated monthly\n    linear_api_key:\n";
        const string tail = "    other: 1\n";
        var definition = head + "      fn::secret:\n        ciphertext: " + Ciphertext + "\n" + tail;

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith(head + "      fn::secret: \"lin-123\"\n" + tail, result);
    }

    [Fact]
    public void Apply_WithExistingFlowCiphertext_ShouldReplaceTheNodeAndKeepTheComment()
    {
        var definition = "values:\n  linear:\n    linear_api_key: {fn::secret: {ciphertext: " + Ciphertext + "}} # from GitHub\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith("values:\n  linear:\n    linear_api_key: {fn::secret: \"lin-123\"} # from GitHub\n", result);
    }

    [Fact]
    public void Apply_WithUntouchedSecrets_ShouldKeepTheirCiphertextByteIdentical()
    {
        var others = string.Concat(Enumerable.Range(0, 5).Select(i => $"    k{i}: {{fn::secret: {{ciphertext: {Ciphertext}}}}}\n"));
        var definition = "values:\n  linear:\n" + others;

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith(definition, result);
    }

    [Fact]
    public void Apply_WithCrLfDefinition_ShouldWriteOnlyCrLf()
    {
        var definition = "# c\r\nvalues:\r\n  other:\r\n    key: 1\r\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith(definition, result);
        Assert.DoesNotContain("\n", result.Replace("\r\n", string.Empty));
        Assert.Equal("lin-123", YamlTestReader.Scalar(result, "values", "linear", "linear_api_key", "fn::secret"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Apply_WithIndentation_ShouldFollowTheDocument(int step)
    {
        var pad = new string(' ', step);
        var definition = $"values:\n{pad}other:\n{pad}{pad}key: 1\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.Contains($"\n{pad}linear:\n{pad}{pad}linear_api_key:\n{pad}{pad}{pad}fn::secret: \"lin-123\"\n", result);
        Assert.Contains($"\n{pad}environmentVariables:\n{pad}{pad}LINEAR_API_KEY: ", result);
    }

    [Fact]
    public void Apply_WithoutTrailingNewline_ShouldAppendOnANewLine()
    {
        const string definition = "values:\n  other: 1";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith("values:\n  other: 1\n  linear:\n", result);
        Assert.Equal("1", YamlTestReader.Scalar(result, "values", "other"));
    }

    [Fact]
    public void Apply_WithValuesAbsent_ShouldAppendValuesAfterTheLastEntry()
    {
        const string definition = "imports:\n  - base\n# trailing comment\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith("imports:\n  - base\nvalues:\n  linear:\n", result);
        Assert.EndsWith("# trailing comment\n", result);
    }

    [Theory]
    [InlineData("values: {other: 1, linear: {k: 2}}\n")]
    [InlineData("{values: {other: 1}}\n")]
    [InlineData("values: {other: 1,\n  more: [a, b]}  # tail\n")]
    [InlineData("values:\n  environmentVariables: {A: x}\n")]
    public void Apply_WithFlowMaps_ShouldRewriteThemAsBlockAndKeepEntries(string definition)
    {
        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.Equal("lin-123", YamlTestReader.Scalar(result, "values", "linear", "linear_api_key", "fn::secret"));
        Assert.Equal("${linear.linear_api_key}", YamlTestReader.Scalar(result, "values", "environmentVariables", "LINEAR_API_KEY"));
        foreach (var (path, expected) in new[] { ("values.other", "1"), ("values.linear.k", "2"), ("values.environmentVariables.A", "x") })
        {
            if (definition.Contains(path.Split('.').Last() + ": " + expected, StringComparison.Ordinal))
            {
                Assert.Equal(expected, YamlTestReader.Scalar(result, path.Split('.')));
            }
        }
    }

    [Fact]
    public void Apply_WithFlowMapNotOnAnEditedPath_ShouldLeaveItAlone()
    {
        const string definition = "values:\n  other: {a: 1, b: 2}\n  linear:\n    x: 1\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith("values:\n  other: {a: 1, b: 2}\n  linear:\n    x: 1\n    linear_api_key:\n", result);
    }

    [Fact]
    public void Apply_WithQuotedExistingKeys_ShouldMatchThemByValue()
    {
        const string definition = "values:\n  \"linear\":\n    'linear_api_key': old\n  environmentVariables:\n    \"LINEAR_API_KEY\": ${linear.linear_api_key}\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith("values:\n  \"linear\":\n    'linear_api_key': {fn::secret: \"lin-123\"}\n  environmentVariables:\n    \"LINEAR_API_KEY\": ${linear.linear_api_key}\n", result);
    }

    [Fact]
    public void Apply_WithSameEditsTwice_ShouldBeIdempotent()
    {
        const string definition = "# head\nvalues:\n  linear:\n    other: 1\n";
        var edits = new[] { s_setLinear, EscEdit.SetSecret("LAMBDA_LABS_API_KEY", "lambda_labs.lambda_labs_api_key", "l$$a") };

        var once = EscDefinitionEditor.Apply(definition, edits);
        var twice = EscDefinitionEditor.Apply(once, edits);

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Apply_WithNoEdits_ShouldReturnTheDefinitionUnchanged()
    {
        const string definition = "values: {a: 1}  # odd\n";

        Assert.Same(definition, EscDefinitionEditor.Apply(definition, Array.Empty<EscEdit>()));
    }

    [Fact]
    public void Apply_WithBlockScalarValue_ShouldReplaceItWithoutJoiningTheNextLine()
    {
        const string definition = "values:\n  linear:\n    linear_api_key: |\n      old\n      text\n\n    next: 1\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith("values:\n  linear:\n    linear_api_key: {fn::secret: \"lin-123\"}\n\n    next: 1\n", result);
    }

    [Fact]
    public void Apply_WithCommentAfterKeyOfBlockValue_ShouldKeepTheComment()
    {
        const string definition = "values:\n  linear:\n    linear_api_key: # from GitHub\n      fn::secret:\n        ciphertext: abc\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_setLinear });

        Assert.StartsWith("values:\n  linear:\n    linear_api_key: # from GitHub\n      fn::secret: \"lin-123\"\n", result);
    }
}
