namespace SecretSync.Core.DotEnv;

/// <summary>
/// Splits .env text into statements with python-dotenv 1.2.2's grammar (src/dotenv/parser.py), because the files
/// were written for it. DotNetEnv's grammar is stricter (rejects quotes in unquoted values, <c>\'</c> in single
/// quotes, <c>1KEY</c>, lone CR, a key without '=') and reports statement starts, so it cannot do this part. A key
/// without '=' is a statement without a value, as python-dotenv's own parser tests expect (<c>no_value_var</c>).
/// Where python-dotenv skips a statement with a warning, this throws <see cref="DotEnvParseException"/> at the
/// offending character.
/// Error messages never quote file text: a stray line may be a pasted secret.
/// </summary>
internal sealed class DotEnvScanner
{
    private const string ExportPrefix = "export";

    private static readonly char[] s_lineBreaks = ['\r', '\n'];

    private readonly string _text;
    private readonly string _displayPath;
    private readonly LineMap _positions;
    private int _pos;

    private DotEnvScanner(string text, string displayPath)
    {
        _text = text;
        _displayPath = displayPath;
        _positions = new LineMap(text);
    }

    /// <summary>
    /// Scans <paramref name="text"/> (BOM already removed) into its statements, in file order, one at a time: the
    /// caller decodes each as it comes, so no list of the whole file is built.
    /// </summary>
    public static IEnumerable<DotEnvStatement> Scan(string text, string displayPath)
    {
        var scanner = new DotEnvScanner(text, displayPath);
        while (scanner.TryScanStatement(out var statement))
        {
            if (statement is { } assignment)
            {
                yield return assignment;
            }
        }
    }

    /// <summary>One python-dotenv binding; false at the end of the text, a null statement for a comment.</summary>
    private bool TryScanStatement(out DotEnvStatement? statement)
    {
        statement = null;
        Skip(PythonWhitespace.IsSpace);
        if (_pos >= _text.Length)
        {
            return false;
        }

        SkipExportPrefix();
        if (Peek() == '#')
        {
            SkipToLineBreak();
            return true;
        }

        int keyStart = _pos;
        string key = ScanKey();
        int keyEnd = _pos;
        var (line, column) = _positions.PositionOf(keyStart);
        Skip(PythonWhitespace.IsInlineSpace);
        if (Peek() != '=')
        {
            if (_pos < _text.Length && !PythonWhitespace.IsLineBreak(_text[_pos]) && _text[_pos] != '#')
            {
                throw NoEqualSign(key);
            }

            var declared = new DotEnvStatement(key, line, column, ValueQuoting.None, keyEnd, keyEnd, keyEnd, keyEnd);
            ExpectEndOfStatement(declared);
            statement = declared;
            return true;
        }

        _pos++;
        Skip(PythonWhitespace.IsInlineSpace);
        var assignment = ScanValue(key, line, column);
        ExpectEndOfStatement(assignment);
        statement = assignment;
        return true;
    }

    private void SkipExportPrefix()
    {
        int after = _pos + ExportPrefix.Length;
        if (after < _text.Length
            && string.CompareOrdinal(_text, _pos, ExportPrefix, 0, ExportPrefix.Length) == 0
            && PythonWhitespace.IsInlineSpace(_text[after]))
        {
            _pos = after;
            Skip(PythonWhitespace.IsInlineSpace);
        }
    }

    private string ScanKey()
    {
        if (Peek() == '\'')
        {
            // python-dotenv's '([^']+)': a quoted key has no escapes and at least one character.
            int close = _text.IndexOf('\'', _pos + 1);
            if (close <= _pos + 1)
            {
                throw Error(_pos, "a single-quoted key needs at least one character and a closing ': close the quote");
            }

            string quotedKey = NormalizeLineBreaks(_text.Substring(_pos + 1, close - _pos - 1));
            _pos = close + 1;
            return quotedKey;
        }

        int start = _pos;
        while (_pos < _text.Length && _text[_pos] != '=' && _text[_pos] != '#' && !PythonWhitespace.IsSpace(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error(start, "expected a key here; write NAME=value");
        }

        return _text.Substring(start, _pos - start);
    }

    private DotEnvStatement ScanValue(string key, int line, int column)
    {
        int start = _pos;
        char first = Peek();
        if (first == '\'' || first == '"')
        {
            int close = FindClosingQuote(start, first);
            if (close < 0)
            {
                string kind = first == '"' ? "double" : "single";
                throw Error(start, $"unterminated {kind}-quoted value starting here; close it with {first} or write a literal {first} as \\{first}");
            }

            _pos = close + 1;
            var quoting = first == '"' ? ValueQuoting.Double : ValueQuoting.Single;
            return new DotEnvStatement(key, line, column, quoting, start + 1, close, start, _pos);
        }

        int end = IndexOfLineBreak(start);
        _pos = end;
        int valueEnd = UnquotedValueEnd(start, end);
        return new DotEnvStatement(key, line, column, ValueQuoting.Unquoted, start, valueEnd, start, valueEnd);
    }

    /// <summary>
    /// python-dotenv's greedy <c>"((?:\\"|[^"])*)"</c>: the first quote not right after a backslash closes the
    /// value; without one, the last escaped quote does (so <c>"C:\dir\"</c> is <c>C:\dir\</c>).
    /// </summary>
    private int FindClosingQuote(int open, char quote)
    {
        int lastEscaped = -1;
        int i = _text.IndexOf(quote, open + 1);
        while (i >= 0)
        {
            if (_text[i - 1] != '\\')
            {
                return i;
            }

            lastEscaped = i;
            i = _text.IndexOf(quote, i + 1);
        }

        return lastEscaped;
    }

    /// <summary>python-dotenv cuts an unquoted value at the first '#' that follows whitespace, then rstrips.</summary>
    private int UnquotedValueEnd(int start, int end)
    {
        int cut = end;
        for (int i = start + 1; i < end; i++)
        {
            if (_text[i] == '#' && PythonWhitespace.IsSpace(_text[i - 1]))
            {
                cut = i;
                break;
            }
        }

        while (cut > start && PythonWhitespace.IsSpace(_text[cut - 1]))
        {
            cut--;
        }

        return cut;
    }

    private void ExpectEndOfStatement(DotEnvStatement statement)
    {
        Skip(PythonWhitespace.IsInlineSpace);
        if (Peek() == '#')
        {
            SkipToLineBreak();
        }

        if (_pos < _text.Length && !PythonWhitespace.IsLineBreak(_text[_pos]))
        {
            var (openLine, _) = _positions.PositionOf(statement.ValueStart);
            var (here, _) = _positions.PositionOf(_pos);
            string opened = openLine == here ? string.Empty : $" (the value opened on line {openLine}; a quote right after a backslash does not close it)";
            throw Error(_pos, $"unexpected text after the closing quote{opened}; keep the whole value inside the quotes");
        }
    }

    private DotEnvParseException NoEqualSign(string key)
    {
        string hint = key == "set" ? "'set NAME=value' is not dotenv syntax: write NAME=value or export NAME=value"
            : key.EndsWith(":", StringComparison.Ordinal) ? "use '=' instead of ':': write NAME=value"
            : "keys cannot contain spaces: write NAME=value";
        return Error(_pos, $"expected '=' after the key; {hint}");
    }

    private DotEnvParseException Error(int index, string problem)
    {
        var (line, column) = _positions.PositionOf(index);
        return new DotEnvParseException(_displayPath, line, column, problem);
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Skip(Func<char, bool> predicate)
    {
        while (_pos < _text.Length && predicate(_text[_pos]))
        {
            _pos++;
        }
    }

    private void SkipToLineBreak() => _pos = IndexOfLineBreak(_pos);

    private int IndexOfLineBreak(int from)
    {
        int i = _text.IndexOfAny(s_lineBreaks, from);
        return i < 0 ? _text.Length : i;
    }

    /// <summary>Python opens files with universal newlines, so CRLF and lone CR inside a quoted key read as \n.</summary>
    private static string NormalizeLineBreaks(string raw) =>
        raw.IndexOf('\r') < 0 ? raw : raw.Replace("\r\n", "\n").Replace('\r', '\n');
}
