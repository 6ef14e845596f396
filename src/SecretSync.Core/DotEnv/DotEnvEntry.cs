namespace SecretSync.Core.DotEnv;

/// <summary>
/// One <c>KEY=value</c> statement of a .env file, value fully decoded and interpolated as python-dotenv's
/// <c>dotenv_values</c> gives it. <see cref="ToString"/> never shows the value.
/// </summary>
internal sealed class DotEnvEntry
{
    /// <summary>Creates an entry; <paramref name="displayPath"/> only feeds <see cref="Origin"/>.</summary>
    public DotEnvEntry(string key, string value, int line, int column, string displayPath, bool hasValue = true)
        : this(key, value, line, column, hasValue, Path.GetFileName(displayPath))
    {
    }

    /// <summary>For readers that make many entries of one file: the file name is worked out once.</summary>
    internal DotEnvEntry(string key, string value, int line, int column, bool hasValue, string fileName)
    {
        Key = key;
        Value = value;
        HasValue = hasValue;
        Line = line;
        Column = column;
        Origin = fileName + ":" + line.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The key as written (without an <c>export</c> prefix or the quotes of a quoted key).</summary>
    public string Key { get; }

    /// <summary>The exact value: escapes decoded, <c>${VAR}</c> expanded, quoted spaces and unicode kept.</summary>
    public string Value { get; }

    /// <summary>
    /// False for a key written without '=' (<c>DEBUG</c>): python-dotenv reads it as None, declared but not set, and
    /// load_dotenv sets nothing for it. <see cref="Value"/> is then empty.
    /// </summary>
    public bool HasValue { get; }

    /// <summary>1-based line of the key.</summary>
    public int Line { get; }

    /// <summary>1-based column of the key.</summary>
    public int Column { get; }

    /// <summary>Where the record came from, e.g. <c>.env:12</c> (file name : line of the key).</summary>
    public string Origin { get; }

    /// <summary>Key and origin only: the value may be a secret.</summary>
    public override string ToString() => $"{Key} ({Origin})";
}
