using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>
/// Finds hard-coded secrets and existing references in the servers of an MCP config, strongest first: exact known
/// values (whole or substring), then token prefixes, entropy and secret-like names (Suspected). Each character of a
/// string belongs to at most one detection. Pure and value-free: detections carry spans, never text.
/// </summary>
internal static class McpSecretDetector
{
    /// <summary>
    /// Scans every server of <paramref name="document"/> (shape per <paramref name="client"/>; Auto is resolved from the
    /// file path). <paramref name="knownValuesByName"/> maps secret names to values (may be empty). Results are in
    /// document order.
    /// </summary>
    public static IReadOnlyList<McpDetection> Detect(
        McpDocument document,
        McpClient client,
        IReadOnlyDictionary<string, string>? knownValuesByName,
        McpDetectionOptions? options = null)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        options ??= McpDetectionOptions.Default;
        var known = new McpKnownValues(knownValuesByName, options);
        var detections = new List<McpDetection>();
        foreach (var server in McpServerLocator.Find(document, client))
        {
            foreach (var site in McpStringSiteCollector.Collect(server))
            {
                detections.AddRange(new McpSiteScanner(site, known, options).Scan());
            }
        }

        detections.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        foreach (var detection in detections)
        {
            (var line, var column) = document.Positions.PositionOf(detection.Offset);
            detection.Line = line;
            detection.Column = column;
        }

        return detections;
    }
}
