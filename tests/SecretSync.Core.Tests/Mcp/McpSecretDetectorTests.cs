using SecretSync.Core.Stores.Mcp.Detection;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpSecretDetectorTests
{
    private const string Secret = "s3cr3tV4lue-Xy9Zq";

    private static readonly Dictionary<string, string> s_known = new() { ["EXA_API_KEY"] = Secret };

    [Theory]
    [InlineData("\"env\": {\"EXA_API_KEY\": \"" + Secret + "\"}", "/mcpServers/exa/env/EXA_API_KEY")]
    [InlineData("\"headers\": {\"Authorization\": \"Bearer " + Secret + "\"}", "/mcpServers/exa/headers/Authorization")]
    [InlineData("\"args\": [\"-y\", \"--token=" + Secret + "\"]", "/mcpServers/exa/args/1")]
    [InlineData("\"url\": \"https://mcp.exa.ai/mcp?api_key=" + Secret + "&x=1\"", "/mcpServers/exa/url")]
    [InlineData("\"serverUrl\": \"https://user:" + Secret + "@mcp.exa.ai/\"", "/mcpServers/exa/serverUrl")]
    [InlineData("\"command\": \"exa-" + Secret + "\"", "/mcpServers/exa/command")]
    public void Detect_WithKnownValueInField_ShouldFindExactSpan(string serverBody, string pointer)
    {
        var text = "{\"mcpServers\": {\"exa\": {" + serverBody + "}}}";
        var document = McpDocument.Parse(text, "mcp_config.json");

        var detection = Assert.Single(McpSecretDetector.Detect(document, McpClient.Generic, s_known));

        Assert.Equal(McpMatchKind.KnownValue, detection.MatchKind);
        Assert.Equal("EXA_API_KEY", detection.Name);
        Assert.Equal(pointer, detection.JsonPointer);
        Assert.Equal(Secret, text.Substring(detection.Offset, detection.Length));
        Assert.Equal(1, detection.Line);
    }

    [Fact]
    public void Detect_WithValueAfterEscapedQuote_ShouldMapToRawSpan()
    {
        var text = "{\"mcpServers\": {\"s\": {\"args\": [\"--x=\\\"q\\\\\\u0041" + Secret + "\\\"\"]}}}";
        var document = McpDocument.Parse(text, "f.json");

        var detection = Assert.Single(McpSecretDetector.Detect(document, McpClient.Generic, s_known));

        Assert.Equal(Secret, text.Substring(detection.Offset, detection.Length));
    }

    [Fact]
    public void Detect_WithValueSpelledWithEscapes_ShouldCoverTheEscapes()
    {
        var escaped = "s3cr3t\\u0056\\u0034lue-Xy9Zq";
        var text = "{\"mcpServers\": {\"s\": {\"env\": {\"K\": \"" + escaped + "\"}}}}";

        var detection = Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, s_known));

        Assert.Equal(escaped, text.Substring(detection.Offset, detection.Length));
    }

    [Fact]
    public void Detect_WithShortKnownValue_ShouldMatchOnlyWholeStrings()
    {
        var known = new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2" };
        var text = "{\"mcpServers\": {\"s\": {\"args\": [\"hunter2\", \"--name=hunter2x\"], \"env\": {\"MODE\": \"hunter2\"}}}}";

        var detections = McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, known);

        Assert.Equal(new[] { "/mcpServers/s/args/0", "/mcpServers/s/env/MODE" }, detections.Select(d => d.JsonPointer));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("12345678")]
    [InlineData("/usr/local/bin/node")]
    [InlineData("abc")]
    public void Detect_WithIndistinctKnownValue_ShouldIgnoreIt(string value)
    {
        var known = new Dictionary<string, string> { ["SOME_SECRET"] = value };
        var text = "{\"mcpServers\": {\"s\": {\"command\": \"" + value + "\", \"args\": [\"" + value + "\"]}}}";

        Assert.Empty(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, known));
    }

    [Fact]
    public void Detect_WithTwoKnownValuesOneInsideTheOther_ShouldPreferTheLonger()
    {
        var known = new Dictionary<string, string> { ["SHORT_TOKEN"] = "abcdefgh1", ["LONG_TOKEN"] = "xxabcdefgh1yy" };
        var text = "{\"mcpServers\": {\"s\": {\"args\": [\"xxabcdefgh1yy\"]}}}";

        var detection = Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, known));

        Assert.Equal("LONG_TOKEN", detection.Name);
    }

    [Theory]
    [InlineData("${EXA_API_KEY}", "EXA_API_KEY", true)]
    [InlineData("${env:EXA_API_KEY}", "EXA_API_KEY", true)]
    [InlineData("${input:exa-key}", "exa-key", false)]
    [InlineData("${EXA_API_KEY:-none}", "EXA_API_KEY", false)]
    [InlineData("${{ secrets.EXA_API_KEY }}", "EXA_API_KEY", false)]
    [InlineData("{env:EXA_API_KEY}", "EXA_API_KEY", true)]
    [InlineData("$EXA_API_KEY", "EXA_API_KEY", true)]
    [InlineData("Bearer ${env:EXA_API_KEY}", "EXA_API_KEY", true)]
    public void Detect_WithExistingReference_ShouldReportReferenceOnly(string value, string name, bool needsVariable)
    {
        var text = "{\"mcpServers\": {\"s\": {\"headers\": {\"Authorization\": \"" + value + "\"}}}}";

        var detection = Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, s_known));

        Assert.True(detection.IsReference);
        Assert.Equal(name, detection.Name);
        Assert.Equal(needsVariable, detection.NeedsVariable);
    }

    [Fact]
    public void Detect_WithBuiltInVariables_ShouldReportNothing()
    {
        var text = "{\"servers\": {\"s\": {\"command\": \"${workspaceFolder}/run\", \"args\": [\"${userHome}\", \"${file:/x}\"]}}}";

        Assert.Empty(McpSecretDetector.Detect(McpDocument.Parse(text, ".vscode/mcp.json"), McpClient.Auto, null));
    }

    [Theory]
    [InlineData("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB")]
    [InlineData("sk-ant-api03-abcdefghijklmnopqrstuvwx")]
    [InlineData("xoxb-1234567890-abcdefghij")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("glpat-abcdefghij0123456789")]
    [InlineData("lin_api_abcdefghij0123456789ABCD")]
    [InlineData("sk_live_abcdefghij0123456789")]
    public void Detect_WithKnownPrefixInArgs_ShouldSuspectPrefix(string token)
    {
        var text = "{\"mcpServers\": {\"s\": {\"args\": [\"run\", \"" + token + "\"]}}}";

        var detection = Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, null));

        Assert.Equal(McpMatchKind.Prefix, detection.MatchKind);
        Assert.Equal(token.Length, detection.Length);
    }

    [Fact]
    public void Detect_WithRandomTokenWithoutName_ShouldSuspectEntropy()
    {
        var text = "{\"mcpServers\": {\"s\": {\"args\": [\"connect\", \"q8Xv2LmN7pRt4KzW9yBc3HdF\"]}}}";

        var detection = Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, null));

        Assert.Equal(McpMatchKind.Entropy, detection.MatchKind);
    }

    [Fact]
    public void Detect_WithRandomTokenAfterFlag_ShouldCoverOnlyTheValue()
    {
        var text = "{\"mcpServers\": {\"s\": {\"args\": [\"--api-key=q8Xv2LmN7pRt4KzW9yBc3HdF\"]}}}";

        var detection = Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, null));

        Assert.Equal(McpMatchKind.Entropy, detection.MatchKind);
        Assert.Equal("api-key", detection.Key);
        Assert.Equal("q8Xv2LmN7pRt4KzW9yBc3HdF", text.Substring(detection.Offset, detection.Length));
    }

    [Theory]
    [InlineData("\"env\": {\"MY_SERVICE_TOKEN\": \"plainpassword\"}", "MY_SERVICE_TOKEN")]
    [InlineData("\"env\": {\"apiKey\": \"plainpassword\"}", "apiKey")]
    [InlineData("\"headers\": {\"X-API-Key\": \"plainpassword\"}", "X-API-Key")]
    [InlineData("\"args\": [\"--access-token\", \"plainpassword\"]", "access-token")]
    [InlineData("\"args\": [\"-e\", \"DB_PASSWORD=plainpassword\"]", "DB_PASSWORD")]
    [InlineData("\"args\": [\"--header\", \"Authorization: Bearer plainpassword\"]", "Authorization")]
    [InlineData("\"url\": \"postgresql://admin:plainpassword@db.local/app\"", "password")]
    [InlineData("\"url\": \"https://h.example/sse?token=plainpassword\"", "token")]
    public void Detect_WithSecretLikeName_ShouldSuspectKeyName(string serverBody, string key)
    {
        var text = "{\"mcpServers\": {\"s\": {" + serverBody + "}}}";

        var detection = Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, null));

        Assert.Equal(McpMatchKind.KeyName, detection.MatchKind);
        Assert.Equal(key, detection.Key);
        Assert.Equal("plainpassword", text.Substring(detection.Offset, detection.Length));
    }

    [Theory]
    [InlineData("\"env\": {\"PATH\": \"/usr/bin:/bin\"}")]
    [InlineData("\"env\": {\"TOKEN_URL\": \"https://auth.example/token\"}")]
    [InlineData("\"env\": {\"AWS_ACCESS_KEY_ID\": \"something\"}")]
    [InlineData("\"env\": {\"USE_AUTH\": \"true\"}")]
    [InlineData("\"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/home/user/projects\"]")]
    [InlineData("\"args\": [\"ghcr.io/github/github-mcp-server@sha256:4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b\"]")]
    [InlineData("\"command\": \"npx\", \"args\": [\"mcp-remote\", \"https://mcp.linear.app/sse\"]")]
    public void Detect_WithOrdinaryConfig_ShouldFindNothing(string serverBody)
    {
        var text = "{\"mcpServers\": {\"s\": {" + serverBody + "}}}";

        Assert.Empty(McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, null));
    }

    [Fact]
    public void Detect_WithClaudeJsonProjects_ShouldScanTopLevelAndProjects()
    {
        var text = "{\"numStartups\": 3, \"mcpServers\": {\"a\": {\"env\": {\"K\": \"" + Secret + "\"}}},\n"
            + "\"projects\": {\"/home/u/repo\": {\"mcpServers\": {\"b\": {\"args\": [\"" + Secret + "\"]}}}}}";

        var detections = McpSecretDetector.Detect(McpDocument.Parse(text, "/home/u/.claude.json"), McpClient.Auto, s_known);

        Assert.Equal(new[] { "/mcpServers/a/env/K", "/projects/~1home~1u~1repo/mcpServers/b/args/0" }, detections.Select(d => d.JsonPointer));
        Assert.Equal(new[] { 1, 2 }, detections.Select(d => d.Line));
    }

    [Fact]
    public void Detect_WithZedCommandObjectAndSettings_ShouldScanThem()
    {
        var text = "{\"theme\": \"One\", \"context_servers\": {\"gh\": {\"command\": {\"path\": \"srv\", \"args\": [\"" + Secret + "\"], \"env\": {\"T\": \"" + Secret + "\"}},"
            + " \"settings\": {\"github_personal_access_token\": \"plainpassword\"}}}}";

        var detections = McpSecretDetector.Detect(McpDocument.Parse(text, "/p/.zed/settings.json"), McpClient.Auto, s_known);

        Assert.Equal(
            new[] { "/context_servers/gh/command/args/0", "/context_servers/gh/command/env/T", "/context_servers/gh/settings/github_personal_access_token" },
            detections.Select(d => d.JsonPointer));
    }

    [Fact]
    public void Detect_WithVsCodeServers_ShouldIgnoreOtherRootKeysForOtherClients()
    {
        var text = "{\"servers\": {\"s\": {\"env\": {\"K\": \"" + Secret + "\"}}}}";

        Assert.Single(McpSecretDetector.Detect(McpDocument.Parse(text, "/p/.vscode/mcp.json"), McpClient.Auto, s_known));
        Assert.Empty(McpSecretDetector.Detect(McpDocument.Parse(text, "/p/.cursor/mcp.json"), McpClient.Auto, s_known));
    }

    [Fact]
    public void ToString_OfDetection_ShouldNotContainValue()
    {
        var text = "{\"mcpServers\": {\"s\": {\"env\": {\"K\": \"" + Secret + "\", \"T\": \"ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\"}}}}";

        foreach (var detection in McpSecretDetector.Detect(McpDocument.Parse(text, "f.json"), McpClient.Generic, s_known))
        {
            Assert.DoesNotContain(Secret, detection.ToString());
            Assert.DoesNotContain("ghp_", detection.ToString());
        }
    }
}
