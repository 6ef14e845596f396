namespace SecretSync.Core.DotEnv;

/// <summary>
/// A <c>KEY=value</c> statement as scanned, before escapes and interpolation. ValueStart/ValueEnd index the
/// scanned text (quotes included, trailing comment excluded) so the writer can replace a value in place.
/// </summary>
internal readonly struct DotEnvStatement
{
    public DotEnvStatement(string key, int line, int column, ValueQuoting quoting, string rawValue, int valueStart, int valueEnd)
    {
        Key = key;
        Line = line;
        Column = column;
        Quoting = quoting;
        RawValue = rawValue;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
    }

    public string Key { get; }

    public int Line { get; }

    public int Column { get; }

    public ValueQuoting Quoting { get; }

    /// <summary>Text between the quotes (line breaks normalized to \n), or the unquoted value.</summary>
    public string RawValue { get; }

    public int ValueStart { get; }

    public int ValueEnd { get; }
}
