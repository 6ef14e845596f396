namespace SecretSync.Core.DotEnv;

/// <summary>
/// A <c>KEY=value</c> statement as scanned, before escapes and interpolation. Indexes point into the scanned text:
/// ValueStart/ValueEnd span the value as written (quotes included, trailing comment excluded) so the writer can
/// replace it in place; ContentStart/ContentEnd span what the decoder reads (inside the quotes).
/// </summary>
internal readonly struct DotEnvStatement
{
    public DotEnvStatement(string key, int line, int column, ValueQuoting quoting, int contentStart, int contentEnd, int valueStart, int valueEnd)
    {
        Key = key;
        Line = line;
        Column = column;
        Quoting = quoting;
        ContentStart = contentStart;
        ContentEnd = contentEnd;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
    }

    public string Key { get; }

    public int Line { get; }

    public int Column { get; }

    public ValueQuoting Quoting { get; }

    /// <summary>First character of the value's content (after an opening quote).</summary>
    public int ContentStart { get; }

    /// <summary>End (exclusive) of the value's content (before a closing quote).</summary>
    public int ContentEnd { get; }

    public int ValueStart { get; }

    public int ValueEnd { get; }
}
