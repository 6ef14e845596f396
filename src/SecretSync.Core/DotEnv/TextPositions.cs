namespace SecretSync.Core.DotEnv;

/// <summary>
/// Turns text indexes into 1-based line and column (CRLF, LF and lone CR each end a line, as in python-dotenv).
/// Remembers where it stopped, so increasing lookups cost one pass over the text in total.
/// </summary>
internal sealed class TextPositions
{
    private readonly string _text;
    private int _counted;
    private int _line = 1;
    private int _lineStart;

    public TextPositions(string text)
    {
        _text = text;
    }

    public (int Line, int Column) Locate(int index)
    {
        if (index < _counted)
        {
            _counted = 0;
            _line = 1;
            _lineStart = 0;
        }

        for (; _counted < index; _counted++)
        {
            char c = _text[_counted];
            bool endsLine = c == '\n' || (c == '\r' && (_counted + 1 >= _text.Length || _text[_counted + 1] != '\n'));
            if (endsLine)
            {
                _line++;
                _lineStart = _counted + 1;
            }
        }

        return (_line, index - _lineStart + 1);
    }
}
