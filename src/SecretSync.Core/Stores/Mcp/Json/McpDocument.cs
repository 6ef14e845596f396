namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>
/// A parsed MCP config: the original text (BOM included, as a leading U+FEFF) and its JSONC tree with source spans.
/// Pure: the caller reads and writes the file (see <see cref="McpConfigEncoding"/>).
/// </summary>
public sealed class McpDocument
{
    private McpDocument(string filePath, string text, JsonNode root)
    {
        FilePath = filePath;
        Text = text;
        Root = root;
        Positions = new LineMap(text);
        LineEnding = Newlines.Of(text);
        IndentUnit = DetectIndentUnit(text);
    }

    /// <summary>The file the text came from (used in findings and error messages only).</summary>
    public string FilePath { get; }

    /// <summary>The source text, unchanged.</summary>
    public string Text { get; }

    /// <summary>The top-level value (an object in every valid MCP config).</summary>
    public JsonNode Root { get; }

    /// <summary>Offset to line/column lookup.</summary>
    internal LineMap Positions { get; }

    /// <summary>The file's line ending: that of its first line break (<see cref="Newlines.Of"/>).</summary>
    public string LineEnding { get; }

    /// <summary>One indentation step as the file writes it (a tab, or its smallest run of leading spaces; 2 by default).</summary>
    public string IndentUnit { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="McpConfigParseException"/> with line and column.</summary>
    public static McpDocument Parse(string text, string filePath)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return new McpDocument(filePath, text, JsoncParser.Parse(text, filePath));
    }

    private static string DetectIndentUnit(string text)
    {
        var smallest = int.MaxValue;
        for (var i = text.IndexOf('\n'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1))
        {
            if (text[i + 1] == '\t')
            {
                return "\t";
            }

            var spaces = 0;
            while (i + 1 + spaces < text.Length && text[i + 1 + spaces] == ' ')
            {
                spaces++;
            }

            if (spaces > 0 && spaces < smallest)
            {
                smallest = spaces;
            }
        }

        return new string(' ', smallest == int.MaxValue ? 2 : smallest);
    }
}
