using SecretSync.Core.Stores.Mcp.Detection;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Checks.Leaks;

/// <summary>
/// Hard-coded secrets in MCP client configs, found by the same detector Update-McpConfig rewrites with (known values,
/// token prefixes, entropy and secret-like key names in command, args, env, url and headers; references of any
/// dialect are not findings). A file that does not parse is left to the known-value search.
/// </summary>
internal sealed class McpConfigLeakDetector : ILeakDetector
{
    private static readonly string[] s_genericNames = ["mcp.json", "mcp_config.json"];
    private readonly IReadOnlyDictionary<string, string> _knownValuesByName;

    public McpConfigLeakDetector(IReadOnlyDictionary<string, string> knownValuesByName)
    {
        _knownValuesByName = knownValuesByName;
    }

    /// <inheritdoc/>
    public IEnumerable<LeakFinding> Inspect(LeakScanFile file)
    {
        var client = McpClientDetector.FromPath(file.RelativePath);
        var name = file.RelativePath.Substring(file.RelativePath.LastIndexOf('/') + 1);
        if (file.Text is not { } text || (client == McpClient.Generic && !s_genericNames.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            return [];
        }

        McpDocument document;
        try
        {
            document = McpDocument.Parse(text, file.RelativePath);
        }
        catch (McpConfigParseException)
        {
            return [];
        }

        return McpSecretDetector.Detect(document, client, _knownValuesByName)
            .Where(d => !d.IsReference)
            .Select(d => new LeakFinding(file.RelativePath, d.Line, d.Name ?? d.Key ?? d.Server, LeakKind.HardcodedInMcpConfig))
            .ToList();
    }
}
