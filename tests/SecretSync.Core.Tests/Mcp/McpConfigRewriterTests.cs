using SecretSync.Core.Stores.Mcp.Detection;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;
using SecretSync.Core.Stores.Mcp.Rewrite;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpConfigRewriterTests
{
    private const string Secret = "s3cr3tV4lue-Xy9Zq";
    private const string Token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

    private static readonly Dictionary<string, string> s_known = new() { ["EXA_API_KEY"] = Secret };

    [Theory]
    [InlineData("/repo/mcp_config.json", "${EXA_API_KEY}")]
    [InlineData("/repo/.mcp.json", "${EXA_API_KEY}")]
    [InlineData("/repo/.cursor/mcp.json", "${env:EXA_API_KEY}")]
    [InlineData("/home/u/.codeium/windsurf/mcp_config.json", "${env:EXA_API_KEY}")]
    public void Update_WithKnownValue_ShouldWriteClientDialect(string path, string reference)
    {
        var text = "{\"mcpServers\": {\"exa\": {\"headers\": {\"Authorization\": \"Bearer " + Secret + "\"}}}}";

        var result = McpConfigRewriter.Update(text, path, McpClient.Auto, s_known, new McpRewriteOptions());

        Assert.Equal(text.Replace(Secret, reference), result.Text);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(McpAction.Rewritten, finding.ActionKind);
        Assert.Equal(reference, finding.Reference);
        Assert.Equal("EXA_API_KEY", finding.Name);
        Assert.Equal(McpMatchKind.KnownValue, finding.Match);
    }

    [Fact]
    public void Update_WithClaudeJson_ShouldRewriteProjectsAndLeaveOtherKeys()
    {
        var text = "{\n  \"oauthAccount\": {\"token\": \"" + Secret + "\"},\n  \"projects\": {\n    \"/home/u/repo\": {\n"
            + "      \"mcpServers\": {\"exa\": {\"type\": \"http\", \"url\": \"https://mcp.exa.ai/mcp?exaApiKey=" + Secret + "\"}}\n    }\n  }\n}\n";

        var result = McpConfigRewriter.Update(text, "/home/u/.claude.json", McpClient.Auto, s_known, new McpRewriteOptions());

        var finding = Assert.Single(result.Findings);
        Assert.Equal("/projects/~1home~1u~1repo/mcpServers/exa/url", finding.JsonPointer);
        Assert.Equal(5, finding.Line);
        Assert.Contains("\"token\": \"" + Secret + "\"", result.Text);
        Assert.Contains("?exaApiKey=${EXA_API_KEY}\"", result.Text);
    }

    [Fact]
    public void Update_WithWindsurfServerUrl_ShouldWriteEnvReference()
    {
        var text = "{\"mcpServers\": {\"exa\": {\"serverUrl\": \"https://u:" + Secret + "@mcp.exa.ai/sse\"}}}";

        var result = McpConfigRewriter.Update(text, "/h/.codeium/windsurf/mcp_config.json", McpClient.Auto, s_known, new McpRewriteOptions());

        Assert.Equal(text.Replace(Secret, "${env:EXA_API_KEY}"), result.Text);
    }

    [Fact]
    public void Update_WithVsCode_ShouldWriteEnvReference()
    {
        var text = "{\"servers\": {\"exa\": {\"type\": \"stdio\", \"env\": {\"EXA_API_KEY\": \"" + Secret + "\"}}}}";

        var result = McpConfigRewriter.Update(text, "/repo/.vscode/mcp.json", McpClient.Auto, s_known, new McpRewriteOptions());

        Assert.Equal(text.Replace(Secret, "${env:EXA_API_KEY}"), result.Text);
    }

    [Fact]
    public void Update_WithBomCrlfCommentsAndTrailingCommas_ShouldChangeOnlyTheSecret()
    {
        var text = "\uFEFF// Servers for this repo\r\n{\r\n\t\"mcpServers\": {\r\n\t\t/* search */\r\n\t\t\"exa\": {\r\n"
            + "\t\t\t\"command\": \"npx\",\r\n\t\t\t\"args\": [\"-y\", \"exa-mcp\", \"--token=" + Secret + "\",],\r\n"
            + "\t\t\t\"url\": \"https://mcp.exa.ai/?api_key=" + Secret + "&debug=1\", // inline\r\n"
            + "\t\t},\r\n\t},\r\n\t\"zeta\": 1,\r\n\t\"alpha\": [1, 2,],\r\n}\r\n";

        var result = McpConfigRewriter.Update(text, "/repo/mcp_config.json", McpClient.Auto, s_known, new McpRewriteOptions());

        Assert.Equal(text.Replace(Secret, "${EXA_API_KEY}"), result.Text);
        Assert.True(result.Changed);
        Assert.Equal(new[] { 7, 8 }, result.Findings.Select(f => f.Line));
    }

    [Fact]
    public void Update_RunTwice_ShouldChangeNothingTheSecondTime()
    {
        var text = "{\n  \"mcpServers\": {\n    \"exa\": {\"env\": {\"EXA_API_KEY\": \"" + Secret + "\", \"GH_TOKEN\": \"" + Token + "\"}}\n  }\n}\n";
        var options = new McpRewriteOptions { IncludeSuspected = true };

        var first = McpConfigRewriter.Update(text, "/repo/.mcp.json", McpClient.Auto, s_known, options);
        var second = McpConfigRewriter.Update(first.Text, "/repo/.mcp.json", McpClient.Auto, s_known, options);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(first.Text, second.Text);
        Assert.All(second.Findings, f => Assert.Equal(McpAction.AlreadyReference, f.ActionKind));
        Assert.Equal(new[] { "EXA_API_KEY", "GH_TOKEN" }, second.Findings.Select(f => f.Name));
    }

    [Fact]
    public void MarkNotApplied_AfterAPlannedRewrite_ShouldReportWouldRewriteWithTheReference()
    {
        // -WhatIf and a declined -Confirm: the cmdlet plans once, writes nothing, and marks the findings.
        var text = "{\"mcpServers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\"}}}}";

        var finding = Assert.Single(McpConfigRewriter.Update(text, "/repo/.mcp.json", McpClient.Auto, s_known, new McpRewriteOptions()).Findings);
        finding.MarkNotApplied();

        Assert.Equal(McpAction.WouldRewrite, finding.ActionKind);
        Assert.Equal("${EXA_API_KEY}", finding.Reference);
    }

    [Fact]
    public void Update_WithValueAfterEscapedQuote_ShouldKeepTheEscapes()
    {
        var text = "{\"mcpServers\": {\"s\": {\"args\": [\"--header=\\\"X: " + Secret + "\\\"\"]}}}";

        var result = McpConfigRewriter.Update(text, "/repo/.mcp.json", McpClient.Auto, s_known, new McpRewriteOptions());

        Assert.Equal("{\"mcpServers\": {\"s\": {\"args\": [\"--header=\\\"X: ${EXA_API_KEY}\\\"\"]}}}", result.Text);
    }

    [Theory]
    [InlineData("/u/Library/Application Support/Claude/claude_desktop_config.json")]
    [InlineData("/u/.config/zed/settings.json")]
    public void Update_WithClientWithoutExpansion_ShouldReportUnsupported(string path)
    {
        var text = "{\"globalShortcut\": \"\", \"mcpServers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\"}}},"
            + " \"context_servers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\"}}}}";

        var result = McpConfigRewriter.Update(text, path, McpClient.Auto, s_known, new McpRewriteOptions());

        Assert.False(result.Changed);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(McpAction.Unsupported, finding.ActionKind);
        Assert.Null(finding.Reference);
        Assert.Contains("esc run", finding.Hint);
    }

    [Theory]
    [InlineData(McpReferenceSyntax.Bare, "${EXA_API_KEY}")]
    [InlineData(McpReferenceSyntax.Env, "${env:EXA_API_KEY}")]
    public void Update_WithClaudeDesktopAndSyntax_ShouldRewrite(McpReferenceSyntax syntax, string reference)
    {
        var text = "{\"mcpServers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\"}}}}";

        var result = McpConfigRewriter.Update(text, "claude_desktop_config.json", McpClient.Auto, s_known, new McpRewriteOptions { Syntax = syntax });

        Assert.Equal(text.Replace(Secret, reference), result.Text);
    }

    [Fact]
    public void Update_WithInputSyntaxOutsideVsCode_ShouldReportUnsupported()
    {
        var text = "{\"mcpServers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\"}}}}";

        var result = McpConfigRewriter.Update(text, ".mcp.json", McpClient.Auto, s_known, new McpRewriteOptions { Syntax = McpReferenceSyntax.Input });

        Assert.Equal(McpAction.Unsupported, Assert.Single(result.Findings).ActionKind);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Update_WithSuspectedOnly_ShouldNotRewriteUnlessIncluded()
    {
        var text = "{\"mcpServers\": {\"github\": {\"headers\": {\"Authorization\": \"Bearer " + Token + "\"}}}}";

        var plain = McpConfigRewriter.Update(text, ".mcp.json", McpClient.Auto, null, new McpRewriteOptions());
        var included = McpConfigRewriter.Update(text, ".mcp.json", McpClient.Auto, null, new McpRewriteOptions { IncludeSuspected = true });

        Assert.False(plain.Changed);
        Assert.Equal(McpAction.Suspected, plain.Findings[0].ActionKind);
        Assert.Equal("GH_TOKEN", plain.Findings[0].Name);
        Assert.Equal(text.Replace(Token, "${GH_TOKEN}"), included.Text);
        Assert.Equal(McpMatchKind.Prefix, included.Findings[0].Match);
    }

    [Fact]
    public void Update_WithSameValueTwiceAndClashingEnvKeys_ShouldNameConsistently()
    {
        var text = "{\"mcpServers\": {"
            + "\"a\": {\"env\": {\"API_KEY\": \"valueNumberOne1\"}, \"args\": [\"--api-key=valueNumberOne1\"]},"
            + "\"b\": {\"env\": {\"API_KEY\": \"valueNumberTwo2\"}}}}";

        var result = McpConfigRewriter.Update(text, ".mcp.json", McpClient.Auto, null, new McpRewriteOptions { IncludeSuspected = true });

        Assert.Equal(new[] { "API_KEY", "API_KEY", "B_API_KEY" }, result.Findings.Select(f => f.Name));
        Assert.Contains("\"--api-key=${API_KEY}\"", result.Text);
    }

    [Fact]
    public void Update_WithUnsetVariable_ShouldWarnByNameOnly()
    {
        var text = "{\"mcpServers\": {\"exa\": {\"env\": {\"K\": \"" + Secret + "\", \"OTHER\": \"${OTHER_TOKEN}\"}}}}";
        var reporter = new RecordingReporter();

        var result = McpConfigRewriter.Update(
            text, ".mcp.json", McpClient.Auto, s_known, new McpRewriteOptions { IsVariableSet = name => name == "OTHER_TOKEN" }, reporter);

        var warning = Assert.Single(reporter.Warnings);
        Assert.Contains("EXA_API_KEY", warning);
        Assert.DoesNotContain(Secret, warning);
        Assert.Contains("not set", result.Findings[0].Hint);
        Assert.Null(result.Findings[1].Hint);
    }

    [Fact]
    public void Update_Findings_ShouldNeverContainValues()
    {
        var text = "{\"mcpServers\": {\"s\": {\"env\": {\"K\": \"" + Secret + "\", \"TOKEN\": \"" + Token + "\", \"PASSWORD\": \"plainpassword\"},"
            + " \"url\": \"postgres://u:plainpassword2@h/db\"}}}";

        foreach (var options in new[] { new McpRewriteOptions(), new McpRewriteOptions { IncludeSuspected = true } })
        {
            var result = McpConfigRewriter.Update(text, ".mcp.json", McpClient.Auto, s_known, options);

            Assert.Equal(4, result.Findings.Count);
            foreach (var finding in result.Findings)
            {
                var dump = string.Join("|", typeof(McpFinding).GetProperties().Select(p => p.GetValue(finding)?.ToString())) + finding;
                Assert.DoesNotContain(Secret, dump);
                Assert.DoesNotContain(Token, dump);
                Assert.DoesNotContain("plainpassword", dump);
            }

            Assert.DoesNotContain(Secret, result.ToString());
        }
    }

    [Fact]
    public void Update_WithMalformedFile_ShouldThrowWithPosition()
    {
        var text = "{\n  \"mcpServers\": {\n    \"exa\": {\"env\": {\"K\": \"" + Secret + "\"}\n  }\n";

        var ex = Assert.Throws<McpConfigParseException>(
            () => McpConfigRewriter.Update(text, "/repo/.mcp.json", McpClient.Auto, s_known, new McpRewriteOptions()));

        Assert.Equal("/repo/.mcp.json", ex.FilePath);
        Assert.Equal(2, ex.Line);
        Assert.Equal(17, ex.Column);
        Assert.DoesNotContain(Secret, ex.Message);
    }

    [Fact]
    public void Update_WithLargeConfig_ShouldRewriteEveryServer()
    {
        // ~1 MB: the budget is 200 ms (checked by hand; timing is not asserted).
        var servers = Enumerable.Range(0, 4000).Select(i =>
            $"    \"server{i}\": {{\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"@scope/server-{i}\", \"--verbose\"],\n"
            + $"      \"env\": {{\"EXA_API_KEY\": \"{Secret}\", \"LOG_LEVEL\": \"info\", \"HOME_DIR\": \"/home/user/projects/{i}\"}},\n"
            + $"      \"url\": \"https://example.com/mcp/{i}?api_key={Secret}\"\n    }}");
        var text = "{\n  \"mcpServers\": {\n" + string.Join(",\n", servers) + "\n  }\n}\n";
        Assert.True(text.Length > 1_000_000);

        var result = McpConfigRewriter.Update(text, "mcp_config.json", McpClient.Auto, s_known, new McpRewriteOptions());

        Assert.Equal(8000, result.Findings.Count(f => f.ActionKind == McpAction.Rewritten));
        Assert.Equal(text.Replace(Secret, "${EXA_API_KEY}"), result.Text);
    }

    [Fact]
    public void Update_WithSuspectedSecretHeldNowhereElse_ShouldKeepIt()
    {
        const string Token = "ghp_zY9xW7vU5tS3rQ1pO9nM7lK5jI3hG1fE9dC7";
        var text = "{ \"mcpServers\": { \"gh\": { \"env\": { \"GH_MCP_TOKEN\": \"" + Token + "\" } } } }";

        var kept = McpConfigRewriter.Update(text, "mcp_config.json", McpClient.Auto, s_known, new McpRewriteOptions { IncludeSuspected = true, OnlyCopyCheckedIn = ".env or ESC environment acme/prod" });
        var forced = McpConfigRewriter.Update(text, "mcp_config.json", McpClient.Auto, s_known, new McpRewriteOptions { IncludeSuspected = true });

        var finding = Assert.Single(kept.Findings);
        Assert.Equal(McpAction.KeptOnlyCopy, finding.ActionKind);
        Assert.Contains(".env or ESC environment acme/prod does not hold it", finding.Hint, StringComparison.Ordinal);
        Assert.Equal(text, kept.Text);
        Assert.Equal(McpAction.Rewritten, Assert.Single(forced.Findings).ActionKind);
    }

    private sealed class RecordingReporter : ISyncReporter
    {
        public List<string> Warnings { get; } = new();

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message) => Warnings.Add(message);

        public void Progress(string activity, string status, int percentComplete, bool completed = false)
        {
        }
    }
}
