namespace SecretSync.Core.Plumbing.Text;

/// <summary>
/// Offsets of a text to 1-based lines and columns, for messages that name a line. CRLF, LF and a lone CR each end a
/// line, as YAML, JSON and python-dotenv readers count them; a leading BOM (U+FEFF) is not a column. The line
/// starts are indexed once, so each lookup is a binary search.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly bool _hasBom;

    public LineMap(string text)
    {
        _hasBom = text.Length > 0 && text[0] == '\uFEFF';
        for (var i = 0; i < text.Length; i++)
        {
            if (Newlines.EndsLineAt(text, i))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var line = LineIndexOf(offset);
        var column = offset - _lineStarts[line] + 1;
        if (line == 0 && _hasBom && offset > 0)
        {
            column--;
        }

        return (line + 1, column);
    }

    /// <summary>Index of the first character of the line holding <paramref name="offset"/>.</summary>
    public int LineStartOf(int offset) => _lineStarts[LineIndexOf(offset)];

    private int LineIndexOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
