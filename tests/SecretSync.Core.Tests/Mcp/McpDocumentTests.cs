using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpDocumentTests
{
    [Fact]
    public void Parse_WithCommentsTrailingCommasAndBom_ShouldBuildTree()
    {
        var text = "\uFEFF// top\r\n{\r\n  /* block */ \"mcpServers\": {\r\n    \"a\": { \"args\": [\"x\", \"y\",], },\r\n  },\r\n}\r\n";

        var document = McpDocument.Parse(text, "mcp.json");

        var servers = Assert.IsType<JsonObjectNode>(((JsonObjectNode)document.Root).Get("mcpServers"));
        var args = Assert.IsType<JsonArrayNode>(((JsonObjectNode)servers.Get("a")!).Get("args"));
        Assert.Equal(2, args.Items.Count);
        Assert.NotNull(args.TrailingCommaOffset);
        Assert.Equal("/mcpServers/a/args/1", args.Items[1].Pointer);
        Assert.Equal("\r\n", document.LineEnding);
        Assert.Equal("  ", document.IndentUnit);
    }

    [Fact]
    public void Parse_WithSlashAndTildeInKeys_ShouldEscapePointer()
    {
        var document = McpDocument.Parse("{\"projects\": {\"/home/u/a~b\": {\"x\": \"y\"}}}", "f");

        var project = (JsonObjectNode)((JsonObjectNode)((JsonObjectNode)document.Root).Get("projects")!).Get("/home/u/a~b")!;
        Assert.Equal("/projects/~1home~1u~1a~0b/x", project.Get("x")!.Pointer);
    }

    [Fact]
    public void Parse_WithEscapes_ShouldMapDecodedIndicesToSource()
    {
        var text = "{\"k\": \"a\\\"\\u00e9\\\\/\\/Z\"}";
        var node = (JsonStringNode)((JsonObjectNode)McpDocument.Parse(text, "f").Root).Get("k")!;

        Assert.Equal("a\"\u00e9\\//Z", node.Value);
        var zIndex = node.Value.IndexOf('Z');
        Assert.Equal('Z', text[node.RawOffsetOf(zIndex)]);
        Assert.Equal('"', text[node.RawOffsetOf(node.Value.Length)]);
        Assert.Equal("\\u00e9", text.Substring(node.RawOffsetOf(2), node.RawOffsetOf(3) - node.RawOffsetOf(2)));
    }

    [Theory]
    [InlineData("{\n  \"a\": \"x\"\n  \"b\": 1\n}", 3, 3)]
    [InlineData("{\n  \"a\": [1, 2\n}", 3, 1)]
    [InlineData("{\n  \"a\": tru\n}", 2, 8)]
    [InlineData("{\n  \"a\": \"x\" }\n}", 3, 1)]
    [InlineData("{ \"a\": 1 } /* open", 1, 12)]
    [InlineData("", 1, 1)]
    [InlineData("\uFEFF{ \"a\" 1 }", 1, 7)]
    [InlineData("{ \"a\": \"bad \\q\" }", 1, 13)]
    [InlineData("{ \"a\": 'single' }", 1, 8)]
    public void Parse_WithMalformedJson_ShouldThrowWithLineAndColumn(string text, int line, int column)
    {
        var ex = Assert.Throws<McpConfigParseException>(() => McpDocument.Parse(text, "/p/mcp.json"));

        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Column);
        Assert.StartsWith($"/p/mcp.json:{line}:{column}: ", ex.Message);
        Assert.Contains("not changed", ex.Message);
    }

    [Fact]
    public void Parse_WithUnquotedSecret_ShouldNotQuoteItInMessage()
    {
        const string Secret = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

        var ex = Assert.Throws<McpConfigParseException>(() => McpDocument.Parse("{\"env\": {\"T\": " + Secret + "}}", "f"));

        Assert.DoesNotContain(Secret, ex.Message);
        Assert.DoesNotContain("ghp", ex.Message);
    }

    [Fact]
    public void Parse_WithUnterminatedSecretString_ShouldNotQuoteItInMessage()
    {
        const string Secret = "sk-ant-abcdefghijklmnopqrstuvwxyz";

        var ex = Assert.Throws<McpConfigParseException>(() => McpDocument.Parse("{\"env\": {\"T\": \"" + Secret + "\n}}", "f"));

        Assert.DoesNotContain(Secret, ex.Message);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Parse_WithDeepNesting_ShouldThrowInsteadOfOverflowing()
    {
        var text = new string('[', 10000);

        Assert.Throws<McpConfigParseException>(() => McpDocument.Parse(text, "f"));
    }
}
