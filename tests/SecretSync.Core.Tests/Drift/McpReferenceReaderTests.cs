using SecretSync.Core.Checks.Drift;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Tests.Drift;

public sealed class McpReferenceReaderTests
{
    private const string Config = """
        {
          "mcpServers": {
            "linear": { "command": "npx", "env": { "LINEAR_API_KEY": "${LINEAR_API_KEY}", "PORT": "${PORT:-8080}" } },
            "gong": { "command": "gong", "args": ["--token", "${env:GONG_API_KEY}", "${workspaceFolder}"] },
            "ask": { "command": "ask", "env": { "KEY": "${input:ask_key}" } }
          }
        }
        """;

    [Fact]
    public void Parse_WithReferences_ShouldListVariablesWithoutDefaultsAndTheirLines()
    {
        var references = McpReferenceReader.Parse(Config, "/p/mcp_config.json");

        Assert.Equal(["LINEAR_API_KEY", "GONG_API_KEY"], references.Select(r => r.Name));
        Assert.Equal([3, 4], references.Select(r => r.Line));
        Assert.All(references, r => Assert.Equal("/p/mcp_config.json", r.FilePath));
    }

    [Theory]
    [InlineData("/p/mcp_config.json", "${X_API_KEY}", true)]
    [InlineData("/p/mcp_config.json", "${env:X_API_KEY}", false)]
    [InlineData("/p/.mcp.json", "${X_API_KEY}", false)]
    [InlineData("/p/.cursor/mcp.json", "${env:X_API_KEY}", false)]
    [InlineData("/p/.continue/mcpServers/x.json", "${{ secrets.X_API_KEY }}", true)]
    public void Parse_WithReference_ShouldSayWhetherTheClientReadsDotEnv(string path, string reference, bool readsDotEnv)
    {
        var text = "{ \"mcpServers\": { \"x\": { \"command\": \"x\", \"env\": { \"K\": \"" + reference + "\" } } } }";

        var found = Assert.Single(McpReferenceReader.Parse(text, path));

        Assert.Equal("X_API_KEY", found.Name);
        Assert.Equal(readsDotEnv, found.ClientReadsDotEnv);
    }

    [Fact]
    public void Parse_WithMalformedJson_ShouldThrowWithFileAndLine()
    {
        var error = Assert.Throws<McpConfigParseException>(() => McpReferenceReader.Parse("{\n  \"mcpServers\": {\n    \"x\": { \"env\": { \"A\": \"sk-hidden-123\" ]\n}", "/p/bad.json"));

        Assert.Equal("/p/bad.json", error.FilePath);
        Assert.Equal(3, error.Line);
        Assert.DoesNotContain("sk-hidden-123", error.Message, System.StringComparison.Ordinal);
    }
}
