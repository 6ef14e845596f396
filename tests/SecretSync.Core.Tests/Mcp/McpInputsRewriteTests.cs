using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;
using SecretSync.Core.Stores.Mcp.Rewrite;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpInputsRewriteTests
{
    private const string Secret = "s3cr3tV4lue-Xy9Zq";
    private const string Path = "/repo/.vscode/mcp.json";

    private static readonly Dictionary<string, string> s_known = new() { ["EXA_API_KEY"] = Secret };
    private static readonly McpRewriteOptions s_input = new() { Syntax = McpReferenceSyntax.Input };

    [Fact]
    public void Update_WithoutInputs_ShouldAddInputsAsLastMember()
    {
        var text = "{\n  \"servers\": {\n    \"exa\": {\n      \"headers\": {\"Authorization\": \"Bearer " + Secret + "\"}\n    }\n  }\n}\n";

        var result = McpConfigRewriter.Update(text, Path, McpClient.Auto, s_known, s_input);

        Assert.Equal(
            "{\n  \"servers\": {\n    \"exa\": {\n      \"headers\": {\"Authorization\": \"Bearer ${input:exa-api-key}\"}\n    }\n  },\n"
            + "  \"inputs\": [\n    {\n      \"type\": \"promptString\",\n      \"id\": \"exa-api-key\",\n"
            + "      \"description\": \"EXA_API_KEY for the MCP server 'exa'\",\n      \"password\": true\n    }\n  ]\n}\n",
            result.Text);
        Assert.Equal("exa-api-key", result.Findings[0].Name);
        Assert.Equal("${input:exa-api-key}", result.Findings[0].Reference);
    }

    [Fact]
    public void Update_WithExistingInputsAndTrailingCommas_ShouldAppendInTheSameStyle()
    {
        var text = "{\r\n\t\"inputs\": [\r\n\t\t{\"type\": \"promptString\", \"id\": \"other\"},\r\n\t],\r\n"
            + "\t\"servers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\"}}},\r\n}\r\n";

        var result = McpConfigRewriter.Update(text, Path, McpClient.Auto, s_known, s_input);

        var inputs = InputIds(result.Text);
        Assert.Equal(new[] { "other", "exa-api-key" }, inputs);
        Assert.Contains("\t\t{\"type\": \"promptString\", \"id\": \"other\"},\r\n\t\t{\r\n\t\t\t\"type\": \"promptString\",", result.Text);
        Assert.Contains("\t\t\t\"password\": true\r\n\t\t},\r\n\t],", result.Text);
        Assert.DoesNotContain("\n", result.Text.Replace("\r\n", string.Empty));
    }

    [Fact]
    public void Update_WithEmptyInputs_ShouldFillTheArray()
    {
        var text = "{\n  \"inputs\": [],\n  \"servers\": {\"a\": {\"env\": {\"K\": \"" + Secret + "\", \"L\": \"" + Secret + "\"}}}\n}";

        var result = McpConfigRewriter.Update(text, Path, McpClient.Auto, s_known, s_input);

        Assert.Equal(new[] { "exa-api-key" }, InputIds(result.Text));
        Assert.StartsWith("{\n  \"inputs\": [\n    {\n      \"type\"", result.Text);
    }

    [Fact]
    public void Update_WithInputSyntaxRunTwice_ShouldChangeNothingTheSecondTime()
    {
        var text = "{\"servers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\"}}}}";

        var first = McpConfigRewriter.Update(text, Path, McpClient.Auto, s_known, s_input);
        var second = McpConfigRewriter.Update(first.Text, Path, McpClient.Auto, s_known, s_input);

        Assert.False(second.Changed);
        Assert.Equal(McpAction.AlreadyReference, Assert.Single(second.Findings).ActionKind);
        Assert.Equal("exa-api-key", second.Findings[0].Name);
    }

    private static List<string> InputIds(string text)
    {
        var root = (JsonObjectNode)McpDocument.Parse(text, Path).Root;
        return ((JsonArrayNode)root.Get("inputs")!).Items
            .Select(item => ((JsonStringNode)((JsonObjectNode)item).Get("id")!).Value)
            .ToList();
    }
}
