using SecretSync.Core.Stores.Mcp.Discovery;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpConfigLocationsTests
{
    [Theory]
    [InlineData(McpClient.ClaudeDesktop, McpPlatform.MacOS, "/Users/u/Library/Application Support/Claude/claude_desktop_config.json")]
    [InlineData(McpClient.ClaudeDesktop, McpPlatform.Windows, "C:\\Users\\u\\AppData\\Roaming\\Claude\\claude_desktop_config.json")]
    [InlineData(McpClient.ClaudeDesktop, McpPlatform.Linux, "/Users/u/.config/Claude/claude_desktop_config.json")]
    [InlineData(McpClient.ClaudeCode, McpPlatform.Linux, "/Users/u/.claude.json")]
    [InlineData(McpClient.Cursor, McpPlatform.MacOS, "/Users/u/.cursor/mcp.json")]
    [InlineData(McpClient.VSCode, McpPlatform.MacOS, "/Users/u/Library/Application Support/Code/User/mcp.json")]
    [InlineData(McpClient.VSCode, McpPlatform.Windows, "C:\\Users\\u\\AppData\\Roaming\\Code\\User\\mcp.json")]
    [InlineData(McpClient.Windsurf, McpPlatform.Linux, "/Users/u/.codeium/windsurf/mcp_config.json")]
    [InlineData(McpClient.Zed, McpPlatform.MacOS, "/Users/u/.config/zed/settings.json")]
    public void For_WithUserScope_ShouldGivePlatformPath(McpClient client, McpPlatform platform, string expected)
    {
        var home = platform == McpPlatform.Windows ? "C:\\Users\\u" : "/Users/u";

        var paths = McpConfigLocations.For(client, McpScope.User, new McpHostEnvironment(platform, home));

        Assert.Equal(expected, paths[0]);
        Assert.Equal(client, McpClientDetector.FromPath(paths[0]));
    }

    [Theory]
    [InlineData(McpClient.ClaudeCode, "/repo/.mcp.json")]
    [InlineData(McpClient.Cursor, "/repo/.cursor/mcp.json")]
    [InlineData(McpClient.VSCode, "/repo/.vscode/mcp.json")]
    [InlineData(McpClient.Zed, "/repo/.zed/settings.json")]
    [InlineData(McpClient.Generic, "/repo/mcp_config.json")]
    public void For_WithProjectScope_ShouldGiveProjectPath(McpClient client, string expected)
    {
        var paths = McpConfigLocations.For(client, McpScope.Project, new McpHostEnvironment(McpPlatform.Linux, "/home/u", "/repo/"));

        Assert.Equal(new[] { expected }, paths);
    }

    [Fact]
    public void For_WithClientWithoutProjectScope_ShouldBeEmpty()
    {
        var host = new McpHostEnvironment(McpPlatform.Linux, "/home/u", "/repo");

        Assert.Empty(McpConfigLocations.For(McpClient.ClaudeDesktop, McpScope.Project, host));
        Assert.Empty(McpConfigLocations.For(McpClient.Windsurf, McpScope.Project, host));
    }

    [Fact]
    public void For_WithClaudeConfigDir_ShouldUseIt()
    {
        var host = new McpHostEnvironment(McpPlatform.Linux, "/home/u") { ClaudeConfigDirectory = "/cfg" };

        Assert.Equal("/cfg/.claude.json", McpConfigLocations.For(McpClient.ClaudeCode, McpScope.User, host)[0]);
    }
}
