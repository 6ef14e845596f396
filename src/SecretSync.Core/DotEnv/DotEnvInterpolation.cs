namespace SecretSync.Core.DotEnv;

/// <summary>
/// python-dotenv's interpolation (src/dotenv/variables.py, dotenv_values): only <c>${NAME}</c> and
/// <c>${NAME:-default}</c>, never bare <c>$NAME</c>, in every value including single-quoted ones (#422), after
/// escapes are decoded. A name resolves to the latest earlier key of the same file, then to the lookup; a name
/// found with an empty value stays empty (python's <c>:-</c> acts like <c>-</c>). A hand-written scan of python's
/// pattern <c>\$\{([^}:]*)(?::-([^}]*))?\}</c>: a value without "${" costs one IndexOf.
/// </summary>
internal sealed class DotEnvInterpolation
{
    private static readonly char[] s_nameStops = ['}', ':'];

    private readonly StringBuilder _scratch = new();
    private readonly Dictionary<string, string> _earlierKeys = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _lookup;

    private readonly HashSet<string>? _referenced;

    /// <param name="lookup">Resolves names the text does not define.</param>
    /// <param name="text">The whole text: only keys some <c>${NAME</c> in it names are remembered, so a large file does not keep every value twice.</param>
    public DotEnvInterpolation(Func<string, string?> lookup, string text)
    {
        _lookup = lookup;
        _referenced = ReferencedNames(text);
    }

    /// <summary>False when the text has no "${" at all: no value needs expanding.</summary>
    public bool IsNeeded => _referenced is null || _referenced.Count > 0;

    /// <summary>Records <paramref name="key"/>'s value for later <c>${KEY}</c> ("" for a key declared without '=').</summary>
    public void Define(string key, string value)
    {
        if (_referenced is null || _referenced.Contains(key))
        {
            _earlierKeys[key] = value;
        }
    }

    public string Expand(string value)
    {
        int next = value.IndexOf("${", StringComparison.Ordinal);
        if (next < 0)
        {
            return value;
        }

        _scratch.Clear();
        int copied = 0;
        while (next >= 0)
        {
            if (TryMatch(value, next, out int nameEnd, out int defaultStart, out int close))
            {
                _scratch.Append(value, copied, next - copied).Append(Resolve(value, next + 2, nameEnd, defaultStart, close));
                copied = close + 1;
                next = value.IndexOf("${", copied, StringComparison.Ordinal);
            }
            else
            {
                next = value.IndexOf("${", next + 1, StringComparison.Ordinal);
            }
        }

        return _scratch.Append(value, copied, value.Length - copied).ToString();
    }

    /// <summary>
    /// Every NAME written as <c>${NAME</c> in <paramref name="text"/>; null (remember every key) when a name holds a
    /// backslash or CR, which decoding could turn into another name.
    /// </summary>
    private static HashSet<string>? ReferencedNames(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int at = text.IndexOf("${", StringComparison.Ordinal); at >= 0; at = text.IndexOf("${", at + 2, StringComparison.Ordinal))
        {
            int end = text.IndexOfAny(s_nameStops, at + 2);
            if (end < 0)
            {
                // No '}' or ':' follows: neither this nor any later "${" can match.
                break;
            }

            string name = text.Substring(at + 2, end - at - 2);
            if (name.IndexOf('\\') >= 0 || name.IndexOf('\r') >= 0)
            {
                return null;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>The pattern at <paramref name="at"/>: the name runs to the first '}' or ':'; ':' must be ':-' and a '}' must follow.</summary>
    private static bool TryMatch(string value, int at, out int nameEnd, out int defaultStart, out int close)
    {
        defaultStart = -1;
        close = -1;
        nameEnd = value.IndexOfAny(s_nameStops, at + 2);
        if (nameEnd < 0)
        {
            return false;
        }

        if (value[nameEnd] == '}')
        {
            close = nameEnd;
            return true;
        }

        if (nameEnd + 1 >= value.Length || value[nameEnd + 1] != '-')
        {
            return false;
        }

        defaultStart = nameEnd + 2;
        close = value.IndexOf('}', defaultStart);
        return close >= 0;
    }

    private string Resolve(string value, int nameStart, int nameEnd, int defaultStart, int close)
    {
        string name = value.Substring(nameStart, nameEnd - nameStart);
        if (_earlierKeys.TryGetValue(name, out var fromFile))
        {
            return fromFile;
        }

        // No variable has an empty name (and Environment.GetEnvironmentVariable("") throws).
        string? fromLookup = name.Length == 0 ? null : _lookup(name);
        return fromLookup ?? (defaultStart < 0 ? string.Empty : value.Substring(defaultStart, close - defaultStart));
    }
}
