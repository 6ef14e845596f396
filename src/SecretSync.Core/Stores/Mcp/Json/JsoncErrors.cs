namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>The messages of <see cref="JsoncParser"/>: file, line and column, and never a character that may be part of a secret.</summary>
internal static class JsoncErrors
{
    private const string FixHint = " Fix the file (comments and trailing commas are allowed) and run again; it was not changed.";

    /// <summary>
    /// "Unexpected … ; expected …" for the character at <paramref name="pos"/>. It is quoted only when it is JSON
    /// punctuation: anything else may be part of a secret.
    /// </summary>
    public static string Unexpected(string text, int pos, string expected)
    {
        if (pos >= text.Length)
        {
            return $"Unexpected end of file; expected {expected}.";
        }

        var c = text[pos];
        var found = "{}[],:\"'/".IndexOf(c) >= 0 ? $"'{c}'" : "text";
        return $"Unexpected {found}; expected {expected}.";
    }

    /// <summary>The exception for <paramref name="problem"/> at <paramref name="offset"/> of <paramref name="filePath"/>.</summary>
    public static McpConfigParseException At(string text, string filePath, int offset, string problem)
    {
        var (line, column) = new LineMap(text).PositionOf(offset);
        return new McpConfigParseException(filePath, line, column, problem + FixHint);
    }
}
