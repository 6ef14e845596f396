using SecretSync.Core.Stores.Mcp.Detection;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// The environment-variable references of an MCP config (<c>${NAME}</c>, <c>${env:NAME}</c>, <c>{env:NAME}</c>,
/// Continue's <c>${{ secrets.NAME }}</c>), in the client's dialect as told by the file's place. References with a
/// default (<c>${NAME:-x}</c>) and VS Code <c>${input:id}</c> prompts are not needs for a secret, so they are left out.
/// Each reference says whether its client can resolve it from a .env file at all.
/// </summary>
internal static class McpReferenceReader
{
    /// <summary>Reads <paramref name="path"/>; throws <see cref="McpConfigParseException"/> (file, line, column) when malformed.</summary>
    public static IReadOnlyList<McpNameReference> Read(string path)
    {
        var text = McpConfigEncoding.Decode(File.ReadAllBytes(path), path);
        return Parse(text, path);
    }

    /// <summary>The references of <paramref name="text"/>, read as the file <paramref name="path"/>.</summary>
    public static IReadOnlyList<McpNameReference> Parse(string text, string path)
    {
        var document = McpDocument.Parse(text, path);
        var client = McpClientDetector.FromPath(path);
        return McpSecretDetector.Detect(document, client, null)
            .Where(d => d.IsReference && d.Name is not null && (d.NeedsVariable || IsContinueSecret(d.ReferenceText)))
            .Select(d => new McpNameReference(d.Name!, path, d.Line, ClientReadsDotEnv(client, d.ReferenceText)))
            .ToList();
    }

    // Reference §4.1/4.2: Continue resolves ${{ secrets.NAME }} from .env files; Claude Code, Cursor, VS Code and
    // Windsurf expand ${NAME} / ${env:NAME} from their own process environment. A bare ${NAME} in a file of no known
    // client may be expanded by a launcher that loads .env, so .env is given the benefit of the doubt there.
    private static bool ClientReadsDotEnv(McpClient client, string? referenceText) =>
        IsContinueSecret(referenceText)
        || (client == McpClient.Generic && referenceText is not null && !referenceText.StartsWith("${env:", StringComparison.Ordinal) && !referenceText.StartsWith("{env:", StringComparison.Ordinal));

    private static bool IsContinueSecret(string? referenceText) =>
        referenceText is not null && referenceText.StartsWith("${{", StringComparison.Ordinal);
}
