namespace SecretSync.Core.Plumbing.Text;

/// <summary>
/// Offsets of a text to 1-based lines and columns, for messages that name a line. CRLF, LF and a lone CR each end a
/// line, as YAML, JSON and python-dotenv readers count them; a leading BOM (U+FEFF) is not a column. Line starts are
/// indexed as far as a lookup needs and kept, so each lookup is a binary search, and a reader that streams through
/// a large text (a 500,000-key .env) pays for the index once, as it goes, and never holds more than 4 bytes a line.
/// Not thread-safe: one map per document and reader.
/// </summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly bool _hasBom;

    // Every line end before this offset is in _lineStarts.
    private int _indexed;

    public LineMap(string text)
    {
        _text = text;
        _hasBom = text.Length > 0 && text[0] == '\uFEFF';
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/> (an offset at the end is past the last character).</summary>
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

    /// <summary>The offset where the line holding <paramref name="offset"/> starts.</summary>
    public int LineStartOf(int offset) => _lineStarts[LineIndexOf(offset)];

    private int LineIndexOf(int offset)
    {
        for (var end = Math.Min(offset, _text.Length); _indexed < end; _indexed++)
        {
            if (Newlines.EndsLineAt(_text, _indexed))
            {
                _lineStarts.Add(_indexed + 1);
            }
        }

        var index = _lineStarts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }
}
