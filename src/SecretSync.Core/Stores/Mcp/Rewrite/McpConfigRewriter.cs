using SecretSync.Core.Stores.Mcp.Detection;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>
/// Rewrites hard-coded secrets in an MCP config to references in the client's dialect by splicing only the
/// secret's characters: comments, BOM, line endings, key order and indentation stay as they were, and a second run
/// finds only references. Pure: text in, text and findings out; the caller does the file I/O.
/// </summary>
public static class McpConfigRewriter
{
    /// <summary>
    /// Parses, detects and rewrites in one call. <paramref name="client"/> Auto is resolved from
    /// <paramref name="filePath"/>. Throws <see cref="McpConfigParseException"/> on malformed JSON.
    /// </summary>
    public static McpRewriteResult Update(
        string text,
        string filePath,
        McpClient client,
        IReadOnlyDictionary<string, string>? knownValuesByName,
        McpRewriteOptions options,
        ISyncReporter? reporter = null)
    {
        var document = McpDocument.Parse(text, filePath);
        var resolved = McpClientDetector.Resolve(client, filePath);
        var detections = McpSecretDetector.Detect(document, resolved, knownValuesByName, options?.Detection);
        return Rewrite(document, resolved, detections, options ?? new McpRewriteOptions(), reporter);
    }

    /// <summary>Turns detections of <paramref name="document"/> into findings and, unless WhatIf, the new text.</summary>
    public static McpRewriteResult Rewrite(
        McpDocument document,
        McpClient client,
        IReadOnlyList<McpDetection> detections,
        McpRewriteOptions options,
        ISyncReporter? reporter = null)
    {
        if (document is null || detections is null || options is null)
        {
            throw new ArgumentNullException(document is null ? nameof(document) : detections is null ? nameof(detections) : nameof(options));
        }

        client = McpClientDetector.Resolve(client, document.FilePath);
        var session = new McpRewriteSession(document, client, options, reporter ?? NullSyncReporter.Instance);
        foreach (var detection in detections)
        {
            session.Add(detection);
        }

        return session.Finish();
    }
}
