namespace SecretSync.Core.Stores.Export;

/// <summary>
/// A Docker env file: one <c>NAME=value</c> a line, the value verbatim. <c>docker run --env-file</c> takes everything
/// after the first '=' as it is (no quotes removed, no escapes, trailing spaces kept, no multi-line values, lines of
/// at most 64 KiB), while compose's <c>env_file</c> reads the same file like a .env (trims, unquotes, interpolates
/// <c>$</c>, drops <c> #</c> comments, unescapes backslashes). A value is written only when both read it back exactly;
/// the others are refused by name (reference runtime-and-limits.md, "Docker env files"; docker/cli opts/parse.go).
/// </summary>
public static class DockerEnvFile
{
    // bufio.Scanner's default limit: a longer line stops docker run with "token too long".
    private const int MaximumLineBytes = 64 * 1024;

    /// <summary>The file text for the values that can be carried, and one exception per refused value.</summary>
    public static (string Text, IReadOnlyList<string> Written, IReadOnlyList<SecretSyncException> Refused) Format(IEnumerable<KeyValuePair<string, string>> values)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        var refused = new Dictionary<string, SecretSyncException>(StringComparer.Ordinal);
        foreach (var pair in values)
        {
            try
            {
                ExportNameException.ThrowIfInvalid(pair.Key);
                ThrowIfNotCarried(pair.Key, pair.Value);
                lines[pair.Key] = pair.Key + "=" + pair.Value + "\n";
                refused.Remove(pair.Key);
            }
            catch (SecretSyncException e) when (e is ExportNameException or DockerEnvValueException)
            {
                // A name refused for its last value must not be written with an earlier one.
                lines.Remove(pair.Key);
                refused[pair.Key] = e;
            }
        }

        return (string.Concat(lines.Values), lines.Keys.ToList(), refused.Values.ToList());
    }

    private static void ThrowIfNotCarried(string name, string value)
    {
        var reason = value switch
        {
            _ when value.IndexOfAny(['\n', '\r']) >= 0 => "spans lines (an env file has no multi-line values)",
            _ when value.IndexOf('\0') >= 0 => "holds a NUL character",
            _ when value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1])) => "starts or ends with white space (compose trims it)",
            _ when value.Length > 0 && "\"'`".IndexOf(value[0]) >= 0 => "starts with a quote (compose removes it)",
            _ when value.Length > 0 && "\"'`".IndexOf(value[value.Length - 1]) >= 0 => "ends with a quote (compose may remove it)",
            _ when value.IndexOf('$') >= 0 => "holds '$' (compose interpolates it)",
            _ when value.IndexOf('\\') >= 0 => "holds a backslash (compose may read it as an escape)",
            _ when value.Contains(" #") || value.Contains("\t#") || value.StartsWith("#", StringComparison.Ordinal) => "holds '#' where compose starts a comment",
            _ when HasLoneSurrogate(value) => "is not valid Unicode (docker refuses invalid UTF-8)",
            _ when Encoding.UTF8.GetByteCount(name) + 1 + Encoding.UTF8.GetByteCount(value) >= MaximumLineBytes => "is longer than a Docker env file line can be (64 KiB)",
            _ => null,
        };
        if (reason is not null)
        {
            throw new DockerEnvValueException(name, reason);
        }
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
