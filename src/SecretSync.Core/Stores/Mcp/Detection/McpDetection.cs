using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>
/// One hard-coded secret (or existing reference) inside a server's string, located by JSON Pointer, line and
/// source span. Carries no value: the span lets a caller mask or splice, never print.
/// </summary>
public sealed class McpDetection
{
    internal McpDetection(McpServer server, JsonStringNode node, McpField field, int decodedStart, int decodedLength)
    {
        Server = server.Name;
        Node = node;
        Field = field;
        DecodedStart = decodedStart;
        DecodedLength = decodedLength;
        Offset = node.RawOffsetOf(decodedStart);
        Length = node.RawOffsetOf(decodedStart + decodedLength) - Offset;
    }

    /// <summary>The server's name.</summary>
    public string Server { get; }

    /// <summary>JSON Pointer of the string, e.g. <c>/mcpServers/github/env/GITHUB_TOKEN</c>.</summary>
    public string JsonPointer => Node.Pointer;

    /// <summary>Which part of the server holds it.</summary>
    public McpField Field { get; }

    /// <summary>The env key, header, flag, query parameter or setting key naming the span, when any.</summary>
    public string? Key { get; internal set; }

    /// <summary>Why it is taken for a secret; null for an existing reference.</summary>
    public McpMatchKind? MatchKind { get; internal set; }

    /// <summary>True when the span is an existing reference (left alone).</summary>
    public bool IsReference => MatchKind is null;

    /// <summary>The known secret's name (KnownValue) or the referenced variable/input id (reference); else null.</summary>
    public string? Name { get; internal set; }

    /// <summary>For a reference, the reference text itself (it holds no value).</summary>
    public string? ReferenceText { get; internal set; }

    /// <summary>For a reference, true when it names an environment variable without a default.</summary>
    public bool NeedsVariable { get; internal set; }

    /// <summary>1-based line of the span's first character.</summary>
    public int Line { get; internal set; }

    /// <summary>1-based column of the span's first character.</summary>
    public int Column { get; internal set; }

    /// <summary>Source offset of the span (escapes included).</summary>
    public int Offset { get; }

    /// <summary>Source length of the span.</summary>
    public int Length { get; }

    internal JsonStringNode Node { get; }

    internal int DecodedStart { get; }

    internal int DecodedLength { get; }

    /// <summary>Names the place and the kind, never the value.</summary>
    public override string ToString() =>
        $"{JsonPointer} line {Line}: {(IsReference ? "reference " + ReferenceText : MatchKind + (Name is null ? string.Empty : " " + Name))}";
}
