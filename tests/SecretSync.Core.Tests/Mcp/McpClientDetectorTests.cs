using SecretSync.Core.Stores.Mcp.Discovery;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpClientDetectorTests
{
    [Theory]
    [InlineData("/repo/.cursor/mcp.json", McpClient.Cursor)]
    [InlineData("C:\\repo\\.vscode\\mcp.json", McpClient.VSCode)]
    [InlineData("/home/u/.config/Code/User/mcp.json", McpClient.VSCode)]
    [InlineData("/repo/.mcp.json", McpClient.ClaudeCode)]
    [InlineData("/home/u/.claude.json", McpClient.ClaudeCode)]
    [InlineData("/home/u/.codeium/windsurf/mcp_config.json", McpClient.Windsurf)]
    [InlineData("/home/u/.codeium/mcp_config.json", McpClient.Windsurf)]
    [InlineData("/Users/u/Library/Application Support/Claude/claude_desktop_config.json", McpClient.ClaudeDesktop)]
    [InlineData("/home/u/.config/zed/settings.json", McpClient.Zed)]
    [InlineData("/repo/.zed/settings.json", McpClient.Zed)]
    [InlineData("/repo/.vscode/settings.json", McpClient.Generic)]
    [InlineData("/repo/mcp_config.json", McpClient.Generic)]
    [InlineData("/repo/mcp.json", McpClient.Generic)]
    [InlineData("mcp_config.json", McpClient.Generic)]
    public void FromPath_WithKnownPlace_ShouldTellClient(string path, McpClient expected)
    {
        Assert.Equal(expected, McpClientDetector.FromPath(path));
    }

    [Fact]
    public void Resolve_WithExplicitClient_ShouldKeepIt()
    {
        Assert.Equal(McpClient.Zed, McpClientDetector.Resolve(McpClient.Zed, "/repo/.mcp.json"));
        Assert.Equal(McpClient.ClaudeCode, McpClientDetector.Resolve(McpClient.Auto, "/repo/.mcp.json"));
    }
}
