using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Tests.Esc;

public sealed class EscImportsEditorTests
{
    [Theory]
    [InlineData("", "imports:\n  - sophia/common\n")]
    [InlineData("values:\n  a: 1\n", "imports:\n  - sophia/common\nvalues:\n  a: 1\n")]
    [InlineData("# team notes\nvalues:\n    a: 1\n", "# team notes\nimports:\n    - sophia/common\nvalues:\n    a: 1\n")]
    [InlineData("imports:\nvalues:\n  a: 1\n", "imports:\n  - sophia/common\nvalues:\n  a: 1\n")]
    [InlineData("imports:\n  - team # theirs\nvalues: {}\n", "imports:\n  - team # theirs\n  - sophia/common\nvalues: {}\n")]
    [InlineData("imports:\n- team\n- other: {merge: false}\n", "imports:\n- team\n- other: {merge: false}\n- sophia/common\n")]
    [InlineData("imports: [team]\nvalues: {}\n", "imports: [team, sophia/common]\nvalues: {}\n")]
    [InlineData("imports: []\n", "imports: [sophia/common]\n")]
    [InlineData("imports:\r\n  - team\r\nvalues: {}\r\n", "imports:\r\n  - team\r\n  - sophia/common\r\nvalues: {}\r\n")]
    [InlineData("imports:\n  - team", "imports:\n  - team\n  - sophia/common\n")]
    public void Ensure_WithoutTheImport_ShouldAppendItAndKeepEverythingElse(string definition, string expected)
    {
        Assert.Equal(expected, EscImportsEditor.Ensure(definition, "sophia/common"));
    }

    [Theory]
    [InlineData("imports:\n  - sophia/common\n")]
    [InlineData("imports:\n  - sophia/common: {merge: false}\n")]
    [InlineData("imports: [a, sophia/common]\n")]
    public void Ensure_WithTheImportThere_ShouldChangeNothing(string definition)
    {
        Assert.Same(definition, EscImportsEditor.Ensure(definition, "sophia/common"));
    }

    [Theory]
    [InlineData("imports: sophia/common\n")]
    [InlineData("imports: {a: b}\n")]
    [InlineData("[1, 2]\n")]
    [InlineData("{values: {}}\n")]
    public void Ensure_WithImportsThatAreNoList_ShouldRefuse(string definition)
    {
        Assert.Throws<EscDefinitionException>(() => EscImportsEditor.Ensure(definition, "sophia/common"));
    }

    [Theory]
    [InlineData("imports:\n  - team # theirs\n  - sophia/common\nvalues: {}\n", "imports:\n  - team # theirs\nvalues: {}\n")]
    [InlineData("imports:\n  - sophia/common # ours\n  - team\n", "imports:\n  - team\n")]
    [InlineData("imports:\n  - sophia/common\n", "imports:\n")]
    [InlineData("imports: [team, sophia/common]\n", "imports: [team]\n")]
    [InlineData("imports: [sophia/common, team]\n", "imports: [team]\n")]
    [InlineData("imports:\n  - sophia/common: {merge: false}\n", "imports:\n  - sophia/common: {merge: false}\n")]
    [InlineData("values: {}\n", "values: {}\n")]
    public void Remove_ShouldTakeOutOnlyThePlainEntry(string definition, string expected)
    {
        Assert.Equal(expected, EscImportsEditor.Remove(definition, "sophia/common"));
    }

    [Fact]
    public void QualifiedName_ShouldBeTheImportNameProjectSlashEnvironment()
    {
        Assert.Equal("default/common", EnvironmentRef.Parse("acme/common").QualifiedName);
    }
}
