namespace SecretSync.Core.DotEnv;

/// <summary>
/// Where each key DotNetEnv returned was written. DotNetEnv returns pairs without positions, in file order, and every
/// assignment starts a line (<c>[ \t]*</c>, an optional <c>export</c>/<c>set -x</c>/<c>set</c>/<c>SET</c> and blanks,
/// the key, blanks, '='); so the next such line for the key, after the previous key's, is its statement. Only a
/// quoted multi-line value holding a line that looks like the next assignment could mislead it, and then only the
/// position, never a value.
/// </summary>
internal sealed class DotNetEnvStatementLines
{
    private static readonly string[] s_prefixes = ["export", "set -x", "set", "SET"];

    private readonly string _text;
    private readonly LineMap _positions;
    private int _lineStart;

    public DotNetEnvStatementLines(string text)
    {
        _text = text;
        _positions = new LineMap(text);
    }

    /// <summary>Line and column of <paramref name="key"/>'s next assignment; the last position found when there is none.</summary>
    public (int Line, int Column) Next(string key)
    {
        for (int start = _lineStart; start < _text.Length; start = NextLine(start))
        {
            if (KeyAt(start, key) is int keyIndex)
            {
                _lineStart = NextLine(start);
                return _positions.PositionOf(keyIndex);
            }
        }

        return _positions.PositionOf(Math.Min(_lineStart, _text.Length));
    }

    private int NextLine(int from)
    {
        int i = _text.IndexOf('\n', from);
        return i < 0 ? _text.Length : i + 1;
    }

    private int? KeyAt(int lineStart, string key)
    {
        int i = SkipBlanks(lineStart);
        if (IsAssignment(i, key))
        {
            return i;
        }

        foreach (string prefix in s_prefixes)
        {
            if (string.CompareOrdinal(_text, i, prefix, 0, prefix.Length) == 0)
            {
                int afterPrefix = i + prefix.Length;
                int keyStart = SkipBlanks(afterPrefix);
                if (keyStart > afterPrefix && IsAssignment(keyStart, key))
                {
                    return keyStart;
                }
            }
        }

        return null;
    }

    private bool IsAssignment(int at, string key)
    {
        if (at + key.Length > _text.Length || string.CompareOrdinal(_text, at, key, 0, key.Length) != 0)
        {
            return false;
        }

        int afterKey = SkipBlanks(at + key.Length);
        return afterKey < _text.Length && _text[afterKey] == '=';
    }

    private int SkipBlanks(int from)
    {
        while (from < _text.Length && (_text[from] == ' ' || _text[from] == '\t'))
        {
            from++;
        }

        return from;
    }
}
