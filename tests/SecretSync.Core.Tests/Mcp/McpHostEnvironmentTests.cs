using SecretSync.Core.Stores.Mcp.Discovery;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpHostEnvironmentTests
{
    [Theory]
    [InlineData(McpPlatform.Linux, "/home/u")]
    [InlineData(McpPlatform.MacOS, "/home/u")]
    [InlineData(McpPlatform.Windows, "C:\\Users\\u")]
    public void FromVariables_WithHomeAndUserProfile_ShouldPreferThePlatformsOwn(McpPlatform platform, string expected)
    {
        var variables = new Dictionary<string, string> { ["HOME"] = "/home/u", ["USERPROFILE"] = "C:\\Users\\u" };

        var host = McpHostEnvironment.FromVariables(platform, name => variables.TryGetValue(name, out var v) ? v : null, "/repo");

        Assert.Equal(expected, host.HomeDirectory);
        Assert.Equal("/repo", host.ProjectDirectory);
    }

    [Fact]
    public void FromVariables_WithOptionalDirectories_ShouldCarryThemAndIgnoreEmptyOnes()
    {
        var variables = new Dictionary<string, string>
        {
            ["HOME"] = "/home/u",
            ["APPDATA"] = string.Empty,
            ["CLAUDE_CONFIG_DIR"] = "/cfg/claude",
            ["XDG_CONFIG_HOME"] = "/xdg",
        };

        var host = McpHostEnvironment.FromVariables(McpPlatform.Linux, name => variables.TryGetValue(name, out var v) ? v : null, null);

        Assert.Null(host.AppDataDirectory);
        Assert.Equal("/cfg/claude", host.ClaudeConfigDirectory);
        Assert.Equal("/xdg", host.XdgConfigHome);
        Assert.Equal("/cfg/claude/.claude.json", McpConfigLocations.For(McpClient.ClaudeCode, McpScope.User, host)[0]);
    }
}
