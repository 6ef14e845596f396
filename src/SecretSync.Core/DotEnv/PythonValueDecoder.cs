namespace SecretSync.Core.DotEnv;

/// <summary>
/// Turns a scanned value into python-dotenv 1.2.2's string in one pass over its characters (src/dotenv/parser.py):
/// CRLF and lone CR read as \n (python opens files with universal newlines); single quotes decode <c>\\ \'</c>; double
/// quotes decode <c>\\ \' \" \a \b \f \n \r \t \v</c> and keep every other backslash as written; unquoted values are
/// raw. Values without a backslash or CR are one substring.
/// </summary>
internal sealed class PythonValueDecoder
{
    private static readonly char[] s_backslashOrCr = ['\\', '\r'];

    private readonly StringBuilder _scratch = new();
    private readonly string _text;

    public PythonValueDecoder(string text)
    {
        _text = text;
    }

    public string Decode(in DotEnvStatement statement)
    {
        int start = statement.ContentStart;
        int end = statement.ContentEnd;
        if (statement.Quoting == ValueQuoting.Unquoted || !NeedsDecoding(start, end))
        {
            return start == end ? string.Empty : _text.Substring(start, end - start);
        }

        bool isDouble = statement.Quoting == ValueQuoting.Double;
        _scratch.Clear();
        for (int i = start; i < end; i++)
        {
            char c = _text[i];
            if (c == '\r')
            {
                // Universal newlines: CRLF and a lone CR are one \n.
                if (i + 1 < end && _text[i + 1] == '\n')
                {
                    i++;
                }

                _scratch.Append('\n');
            }
            else if (c == '\\' && i + 1 < end && Escaped(_text[i + 1], isDouble) is char decoded)
            {
                _scratch.Append(decoded);
                i++;
            }
            else
            {
                _scratch.Append(c);
            }
        }

        return _scratch.ToString();
    }

    private bool NeedsDecoding(int start, int end) => _text.IndexOfAny(s_backslashOrCr, start, end - start) >= 0;

    /// <summary>The character an escape stands for, or null when python-dotenv keeps the backslash.</summary>
    private static char? Escaped(char c, bool isDouble) => c switch
    {
        '\\' => '\\',
        '\'' => '\'',
        '"' when isDouble => '"',
        'a' when isDouble => '\a',
        'b' when isDouble => '\b',
        'f' when isDouble => '\f',
        'n' when isDouble => '\n',
        'r' when isDouble => '\r',
        't' when isDouble => '\t',
        'v' when isDouble => '\v',
        _ => null,
    };
}
