using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>
/// Adds VS Code <c>inputs</c> entries (<c>promptString</c>, <c>password: true</c>) for new <c>${input:id}</c>
/// references: appended to an existing array or as a new last member of the object holding <c>servers</c>, with the
/// file's indentation and line endings, and a trailing comma where the file already uses one.
/// </summary>
internal static class McpInputsWriter
{
    /// <summary>The object whose <c>inputs</c> VS Code reads: the root, or <c>mcp</c> in the older settings form.</summary>
    public static JsonObjectNode? ContainerOf(McpDocument document)
    {
        if (document.Root is not JsonObjectNode root)
        {
            return null;
        }

        return root.Get("servers") is null && root.Get("mcp") is JsonObjectNode { } mcp && mcp.Get("servers") is not null ? mcp : root;
    }

    /// <summary>True when the container has no usable <c>inputs</c> array and none can be added.</summary>
    public static bool CannotAdd(McpDocument document) =>
        ContainerOf(document) is not { } container
        || (container.Get("inputs") is { } inputs && inputs is not JsonArrayNode)
        || (container.Get("inputs") is null && container.Members.Count == 0);

    public static HashSet<string> ExistingIds(McpDocument document)
    {
        var ids = new HashSet<string>(System.StringComparer.Ordinal);
        if (ContainerOf(document)?.Get("inputs") is JsonArrayNode inputs)
        {
            foreach (var item in inputs.Items)
            {
                if (item is JsonObjectNode entry && entry.Get("id") is JsonStringNode id)
                {
                    ids.Add(id.Value);
                }
            }
        }

        return ids;
    }

    public static TextSplice? Build(McpDocument document, IReadOnlyList<(string Id, string Description)> entries)
    {
        if (entries.Count == 0 || ContainerOf(document) is not { } container)
        {
            return null;
        }

        var text = document.Text;
        var nl = document.LineEnding;
        var unit = document.IndentUnit;
        if (container.Get("inputs") is JsonArrayNode inputs)
        {
            return inputs.Items.Count > 0 ? AppendToArray(document, inputs, entries) : FillEmptyArray(document, inputs, entries);
        }

        var last = container.Members[container.Members.Count - 1];
        var memberIndent = McpJsonText.IndentOfLine(text, last.KeyNode.Start);
        var block = new StringBuilder("\"inputs\": [").Append(nl);
        AppendEntries(block, entries, memberIndent + unit, unit, nl, separator: true);
        block.Append(memberIndent).Append(']');
        return container.TrailingCommaOffset is { } comma
            ? new TextSplice(comma + 1, comma + 1, nl + memberIndent + block + ",")
            : new TextSplice(last.Value.End, last.Value.End, "," + nl + memberIndent + block);
    }

    private static TextSplice AppendToArray(McpDocument document, JsonArrayNode inputs, IReadOnlyList<(string Id, string Description)> entries)
    {
        var nl = document.LineEnding;
        var last = inputs.Items[inputs.Items.Count - 1];
        var indent = McpJsonText.IndentOfLine(document.Text, last.Start);
        var added = new StringBuilder();
        foreach (var entry in entries)
        {
            var body = new StringBuilder();
            AppendEntries(body, new[] { entry }, indent, document.IndentUnit, nl, separator: false);
            var entryText = body.ToString().TrimStart(' ', '\t').TrimEnd('\r', '\n');
            added.Append(inputs.TrailingCommaOffset is null ? "," + nl + indent + entryText : nl + indent + entryText + ",");
        }

        var at = inputs.TrailingCommaOffset is { } comma ? comma + 1 : last.End;
        return new TextSplice(at, at, added.ToString());
    }

    private static TextSplice FillEmptyArray(McpDocument document, JsonArrayNode inputs, IReadOnlyList<(string Id, string Description)> entries)
    {
        var nl = document.LineEnding;
        var indent = McpJsonText.IndentOfLine(document.Text, inputs.Start);
        var inner = document.Text.Substring(inputs.Start + 1, inputs.End - inputs.Start - 2);
        var block = new StringBuilder(nl);
        AppendEntries(block, entries, indent + document.IndentUnit, document.IndentUnit, nl, separator: true);
        block.Append(indent);

        // Keep comments inside "[ /* … */ ]"; replace plain whitespace.
        return inner.Trim().Length == 0
            ? new TextSplice(inputs.Start + 1, inputs.Start + 1 + inner.Length, block.ToString())
            : new TextSplice(inputs.End - 1, inputs.End - 1, block.ToString());
    }

    private static void AppendEntries(StringBuilder builder, IReadOnlyList<(string Id, string Description)> entries, string indent, string unit, string nl, bool separator)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var (id, description) = entries[i];
            builder.Append(indent).Append('{').Append(nl)
                .Append(indent).Append(unit).Append("\"type\": \"promptString\",").Append(nl)
                .Append(indent).Append(unit).Append("\"id\": \"").Append(McpJsonText.Escape(id)).Append("\",").Append(nl)
                .Append(indent).Append(unit).Append("\"description\": \"").Append(McpJsonText.Escape(description)).Append("\",").Append(nl)
                .Append(indent).Append(unit).Append("\"password\": true").Append(nl)
                .Append(indent).Append('}').Append(separator && i < entries.Count - 1 ? "," : string.Empty).Append(nl);
        }
    }
}
