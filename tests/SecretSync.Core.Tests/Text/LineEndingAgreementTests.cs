using SecretSync.Core.Stores.Esc.Yaml;
using SecretSync.Core.Stores.Mcp.Json;
using SecretSync.Core.Stores.Templates;
using SecretSync.Core.Tests.Files;
using SecretSync.Core.Tests.Templates;

namespace SecretSync.Core.Tests.Text;

/// <summary>
/// ESC definitions, MCP configs and .env templates follow one newline rule and one line map (Core/Plumbing/Text):
/// the first line break of a text is its line ending, and CRLF, LF and a lone CR each end a line.
/// </summary>
public sealed class LineEndingAgreementTests
{
    [Theory]
    [InlineData("a: 1\rb: 2\r", "\r")]
    [InlineData("a: 1\nb: 2\r\n", "\n")]
    [InlineData("a: 1\r\nb: 2\n", "\r\n")]
    public void EscDefinition_ShouldTakeItsFirstLineBreak(string text, string expected)
    {
        Assert.Equal(expected, YamlSourceDocument.Parse(text).Newline);
    }

    [Fact]
    public void EscDefinition_WithLoneCarriageReturns_ShouldCountLinesAsTheParserDoes()
    {
        var document = YamlSourceDocument.Parse("a: 1\rb: 2\rc: 3\r");

        Assert.Equal(3, document.LineOf(document.Text.IndexOf('c')));
    }

    [Theory]
    [InlineData("{\r\"a\": 1\r}\r", "\r")]
    [InlineData("{\n\"a\": 1\r\n}\r\n", "\n")]
    public void McpConfig_ShouldTakeItsFirstLineBreak(string text, string expected)
    {
        Assert.Equal(expected, McpDocument.Parse(text, "mcp.json").LineEnding);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    public void EnvTemplate_ShouldKeepTheLineEndingOfItsFirstLineBreak(string newline)
    {
        var content = EnvTemplateGenerator.Generate(EnvTemplateGeneratorTests.Catalog(), []);
        using var folder = new TempFolder();
        var path = folder.Write(".env.template", EnvTemplateGenerator.Marker + newline + "OLD=\r\n");

        var plan = EnvTemplateWriter.Plan(path, content, force: false)!;

        Assert.Equal(content.Replace("\n", newline), plan.Text);
    }
}
