using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretSync.Core.Mcp;

namespace SecretSync.Core.Drift;

/// <summary>
/// The environment-variable references of an MCP config (<c>${NAME}</c>, <c>${env:NAME}</c>, <c>{env:NAME}</c>,
/// Continue's <c>${{ secrets.NAME }}</c>), in the client's dialect as told by the file's place. References with a
/// default (<c>${NAME:-x}</c>) and VS Code <c>${input:id}</c> prompts are not needs for a secret, so they are left out.
/// </summary>
public static class McpReferenceReader
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
        return McpSecretDetector.Detect(document, McpClientDetector.FromPath(path), null)
            .Where(d => d.IsReference && d.Name is not null && (d.NeedsVariable || IsContinueSecret(d.ReferenceText)))
            .Select(d => new McpNameReference(d.Name!, path, d.Line))
            .ToList();
    }

    private static bool IsContinueSecret(string? referenceText) =>
        referenceText is not null && referenceText.StartsWith("${{", StringComparison.Ordinal);
}
