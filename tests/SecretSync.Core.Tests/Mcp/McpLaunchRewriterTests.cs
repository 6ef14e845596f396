using Newtonsoft.Json.Linq;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Rewrite;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpLaunchRewriterTests
{
    private const string Config = "{\n  // keep me\n  \"mcpServers\": {\n    \"gh\": { \"command\": \"n\\u0070x\", \"args\": [\"-e\", \"a b\"] },\n    \"web\": { \"url\": \"https://x.test\" },\n  }\n}\n";

    [Fact]
    public void Wrap_ThenUnwrap_ShouldGiveBackTheFileByteForByte()
    {
        var (wrapped, changes) = McpLaunchRewriter.Wrap(Config, ".mcp.json", McpClient.Auto, "acme/default/prod", _ => true);
        var (unwrapped, undone) = McpLaunchRewriter.Unwrap(wrapped, ".mcp.json", McpClient.Auto, _ => true);

        Assert.Equal([McpLaunchAction.Wrapped], changes.Select(c => c.ActionKind));
        Assert.Equal([McpLaunchAction.Unwrapped], undone.Select(c => c.ActionKind));
        Assert.Equal(Config, unwrapped);
    }

    [Fact]
    public void MarkNotApplied_ShouldTurnEachPlannedChangeIntoItsWouldForm()
    {
        // -WhatIf and a declined -Confirm: the cmdlet plans once, writes nothing, and marks the changes.
        var (wrapped, changes) = McpLaunchRewriter.Wrap(Config, ".mcp.json", McpClient.Auto, "acme/default/prod", _ => true);
        var (_, undone) = McpLaunchRewriter.Unwrap(wrapped, ".mcp.json", McpClient.Auto, _ => true);

        foreach (var change in changes.Concat(undone))
        {
            change.MarkNotApplied();
        }

        Assert.Equal([McpLaunchAction.WouldWrap], changes.Select(c => c.ActionKind));
        Assert.Equal([McpLaunchAction.WouldUnwrap], undone.Select(c => c.ActionKind));
    }

    [Fact]
    public void Wrap_ShouldPutLauncherEnvironmentAndOriginalCommandBeforeTheArguments()
    {
        var (wrapped, _) = McpLaunchRewriter.Wrap(Config, ".mcp.json", McpClient.Auto, "acme/default/prod", _ => true);

        Assert.Contains("// keep me", wrapped);
        var server = JObject.Parse(wrapped)["mcpServers"]!["gh"]!;
        Assert.Equal("pwsh", (string?)server["command"]);
        Assert.Equal(McpLaunchRewriter.LauncherArguments.Concat(["acme/default/prod", "npx", "-e", "a b"]), server["args"]!.Select(a => (string)a!));
        Assert.Null(JObject.Parse(wrapped)["mcpServers"]!["web"]!["command"]);
    }

    [Fact]
    public void Wrap_WhenAlreadyWrappedOrNotSelected_ShouldChangeNothing()
    {
        var (wrapped, _) = McpLaunchRewriter.Wrap(Config, ".mcp.json", McpClient.Auto, "acme/default/prod", _ => true);

        var (again, changes) = McpLaunchRewriter.Wrap(wrapped, ".mcp.json", McpClient.Auto, "acme/default/other", _ => true);
        Assert.Equal(wrapped, again);
        Assert.Equal("acme/default/prod", Assert.Single(changes).Environment);
        Assert.Equal(Config, McpLaunchRewriter.Wrap(Config, ".mcp.json", McpClient.Auto, "acme/default/prod", name => name != "gh").Text);
    }

    [Fact]
    public void Wrap_WithArgsThatAreNotAnArray_ShouldSkipTheServer()
    {
        const string Odd = "{ \"mcpServers\": { \"odd\": { \"command\": \"x\", \"args\": \"-y\" } } }";

        var (text, changes) = McpLaunchRewriter.Wrap(Odd, "mcp.json", McpClient.Auto, "acme/default/prod", _ => true);

        Assert.Equal(Odd, text);
        Assert.Equal(McpLaunchAction.Skipped, Assert.Single(changes).ActionKind);
    }
}
