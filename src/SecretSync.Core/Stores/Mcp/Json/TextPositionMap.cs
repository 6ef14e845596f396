using System.Collections.Generic;

namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>Turns source offsets into 1-based line and column (LF, CRLF and lone CR end a line; a BOM is not a column).</summary>
public sealed class TextPositionMap
{
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly bool _hasBom;

    /// <summary>Indexes the line starts of <paramref name="text"/> once, so lookups are a binary search.</summary>
    public TextPositionMap(string text)
    {
        _hasBom = text.Length > 0 && text[0] == '\uFEFF';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        var column = offset - _lineStarts[line] + 1;
        if (line == 0 && _hasBom && offset > 0)
        {
            column--;
        }

        return (line + 1, column);
    }
}
