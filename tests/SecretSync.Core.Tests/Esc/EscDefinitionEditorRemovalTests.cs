using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Tests.Esc;

public sealed class EscDefinitionEditorRemovalTests
{
    private const string Owned =
        "imports:\n" +
        "  - base\n" +
        "values:\n" +
        "  keep: 1 # untouched\n" +
        "  linear:\n" +
        "    linear_api_key:\n" +
        "      fn::secret:\n" +
        "        ciphertext: ZXNjeAAAAAGxsrO0gN+X5A==\n" +
        "  environmentVariables:\n" +
        "    LINEAR_API_KEY: ${linear.linear_api_key}\n" +
        "  secretSync:\n" +
        "    managedKeys:\n" +
        "      LINEAR_API_KEY: linear.linear_api_key\n";

    private static readonly EscEdit s_removeLinear = EscEdit.RemoveSecret("LINEAR_API_KEY", "linear.linear_api_key");

    [Fact]
    public void Apply_WithRemovalOfTheLastKey_ShouldRemoveServiceVariableAndEmptiedMaps()
    {
        var result = EscDefinitionEditor.Apply(Owned, new[] { s_removeLinear });

        Assert.Equal("imports:\n  - base\nvalues:\n  keep: 1 # untouched\n", result);
    }

    [Fact]
    public void Apply_WithRemovalOfOneOfTwoKeys_ShouldKeepTheServiceMap()
    {
        var definition = Owned.Replace("  environmentVariables:", "    second: {fn::secret: {ciphertext: abc}}\n  environmentVariables:", StringComparison.Ordinal);

        var result = EscDefinitionEditor.Apply(definition, new[] { s_removeLinear });

        Assert.Equal("imports:\n  - base\nvalues:\n  keep: 1 # untouched\n  linear:\n    second: {fn::secret: {ciphertext: abc}}\n", result);
    }

    [Fact]
    public void Apply_WithVariableRedirectedByHand_ShouldNotRemoveTheVariable()
    {
        var definition = Owned.Replace("LINEAR_API_KEY: ${linear.linear_api_key}\n  secretSync", "LINEAR_API_KEY: ${elsewhere.key}\n  secretSync", StringComparison.Ordinal);

        var result = EscDefinitionEditor.Apply(definition, new[] { s_removeLinear });

        Assert.Equal("${elsewhere.key}", YamlTestReader.Scalar(result, "values", "environmentVariables", "LINEAR_API_KEY"));
        Assert.Null(YamlTestReader.Node(result, "values", "linear"));
    }

    [Fact]
    public void Apply_WithRemovalOfAbsentSecret_ShouldOnlyDropOwnership()
    {
        const string definition = "values:\n  a: 1\n  secretSync:\n    managedKeys:\n      GONE: gone.gone\n      LINEAR_API_KEY: linear.linear_api_key\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { EscEdit.RemoveSecret("GONE", "gone.gone") });

        Assert.Equal("values:\n  a: 1\n  secretSync:\n    managedKeys:\n      LINEAR_API_KEY: linear.linear_api_key\n", result);
    }

    [Fact]
    public void Apply_WithRemovalInCrLfFlowDocument_ShouldRemoveAndKeepCrLf()
    {
        const string definition = "values: {keep: 1, linear: {linear_api_key: {fn::secret: {ciphertext: abc}}}, environmentVariables: {LINEAR_API_KEY: \"${linear.linear_api_key}\"}}\r\n";

        var result = EscDefinitionEditor.Apply(definition, new[] { s_removeLinear });

        Assert.Equal("values:\r\n  keep: 1\r\n", result);
    }

    [Fact]
    public void Apply_WithNonMapServiceValue_ShouldRefuseWithoutShowingTheValue()
    {
        const string definition = "values:\n  linear: do-not-lose-me\n";

        var ex = Assert.Throws<EscDefinitionException>(() => EscDefinitionEditor.Apply(definition, new[] { EscEdit.SetSecret("LINEAR_API_KEY", "linear.linear_api_key", "sekrit-value") }));

        Assert.Equal(2, ex.Line);
        Assert.Contains("values.linear", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sekrit-value", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-lose-me", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("values: [a\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("- a\n- b\n")]
    public void Apply_WithUnusableDefinition_ShouldThrowEscDefinitionException(string definition)
    {
        var ex = Assert.Throws<EscDefinitionException>(() => EscDefinitionEditor.Apply(definition, new[] { EscEdit.SetSecret("LINEAR_API_KEY", "linear.linear_api_key", "sekrit-value") }));

        Assert.DoesNotContain("sekrit-value", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfSetSecret_ShouldNotShowTheValue()
    {
        var edit = EscEdit.SetSecret("LINEAR_API_KEY", "linear.linear_api_key", "sekrit-value");

        Assert.Equal("SetSecret LINEAR_API_KEY at linear.linear_api_key", edit.ToString());
    }

    [Theory]
    [InlineData("BAD NAME", "a.b")]
    [InlineData("OK", "a")]
    [InlineData("OK", "a.b.c")]
    [InlineData("OK", "environmentVariables.b")]
    [InlineData("OK", "secretSync.b")]
    [InlineData("OK", "a.b-c")]
    public void SetSecret_WithInvalidNameOrPath_ShouldThrowArgumentExceptionWithoutValue(string name, string path)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => EscEdit.SetSecret(name, path, "sekrit-value"));

        Assert.DoesNotContain("sekrit-value", ex.Message, StringComparison.Ordinal);
    }
}
