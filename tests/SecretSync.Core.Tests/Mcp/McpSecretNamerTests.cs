using SecretSync.Core.Stores.Mcp.Rewrite;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpSecretNamerTests
{
    [Theory]
    [InlineData("exa", null, "EXA_API_KEY")]
    [InlineData("github", "Authorization", "GH_TOKEN")]
    [InlineData("linear", "X-API-Key", "LINEAR_API_KEY")]
    [InlineData("my-db", "password", "MY_DB_PASSWORD")]
    [InlineData("slack", "--bot-token", "SLACK_BOT_TOKEN")]
    [InlineData("openAi", "api_key", "OPEN_AI_API_KEY")]
    [InlineData("1password", "token", "MCP_1PASSWORD_TOKEN")]
    [InlineData("notion", "NOTION_TOKEN", "NOTION_TOKEN")]
    [InlineData("", "token", "MCP_TOKEN")]
    [InlineData("café", "clé", "CAF_CL")]
    public void Derive_WithServerAndKey_ShouldGiveUpperSnakeName(string server, string? key, string expected)
    {
        Assert.Equal(expected, McpSecretNamer.Derive(server, key));
    }
}
