namespace SecretSync.Core.DotEnv;

/// <summary>
/// Replaces values in existing .env text in place and appends new keys, so comments, other keys, order, line
/// endings and the BOM survive byte for byte.
/// </summary>
internal static class DotEnvMerger
{
    /// <summary>The merged text; see <see cref="DotEnvWriter.Merge"/>.</summary>
    /// <param name="existingText">Current content ("" for a new file).</param>
    /// <param name="values">Name/value pairs; a name given twice takes its last value.</param>
    /// <param name="displayPath">Names the file if the existing text does not parse.</param>
    /// <param name="formatValue">Turns a value into its text after '='; <see cref="DotEnvWriter.FormatValue"/> by default.</param>
    public static string Merge(string existingText, IEnumerable<KeyValuePair<string, string>> values, string displayPath, Func<string, string>? formatValue = null)
    {
        var format = formatValue ?? DotEnvWriter.FormatValue;
        var pending = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var pair in values)
        {
            DotEnvKeyNames.Validate(pair.Key);
            if (!pending.ContainsKey(pair.Key))
            {
                order.Add(pair.Key);
            }

            pending[pair.Key] = pair.Value ?? throw new ArgumentException($"The value for '{pair.Key}' is null.", nameof(values));
        }

        string body = DotEnvReader.StripBom(existingText);
        string newline = Newlines.Of(body);
        var merged = new StringBuilder(existingText.Length + 64);
        merged.Append(existingText, 0, existingText.Length - body.Length);
        int copied = 0;
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in DotEnvScanner.Scan(body, displayPath))
        {
            if (!pending.TryGetValue(statement.Key, out var value))
            {
                continue;
            }

            // Every occurrence: python-dotenv and shells keep the last one, so replacing only the first would not stick.
            merged.Append(body, copied, statement.ValueStart - copied);
            if (statement.Quoting == ValueQuoting.None)
            {
                // A key declared without '=' gets one.
                merged.Append('=');
            }

            merged.Append(FormatInPlace(format(value), body, statement.ValueEnd, newline));
            copied = statement.ValueEnd;
            replaced.Add(statement.Key);
        }

        merged.Append(body, copied, body.Length - copied);
        bool needsBreak = body.Length > 0 && !PythonWhitespace.IsLineBreak(body[body.Length - 1]);
        foreach (string name in order)
        {
            if (replaced.Contains(name))
            {
                continue;
            }

            if (needsBreak)
            {
                merged.Append(newline);
                needsBreak = false;
            }

            merged.Append(Newlines.Use(name + "=" + format(pending[name]), newline)).Append(newline);
        }

        return merged.ToString();
    }

    /// <summary>The formatted value, adjusted when a comment follows it on the same line.</summary>
    private static string FormatInPlace(string formattedValue, string body, int valueEnd, string newline)
    {
        // Raw line breaks only occur inside single quotes, where every reader turns CRLF back into \n.
        string formatted = Newlines.Use(formattedValue, newline);
        bool commentFollows = valueEnd < body.Length && !PythonWhitespace.IsLineBreak(body[valueEnd]);
        if (commentFollows && formatted.Length == 0)
        {
            // "KEY= # c" reads as the value "# c": an empty value before a comment needs quotes.
            return "''";
        }

        bool unquoted = formatted.Length > 0 && formatted[0] != '\'' && formatted[0] != '"';
        return commentFollows && unquoted && body[valueEnd] == '#' ? formatted + " " : formatted;
    }
}
