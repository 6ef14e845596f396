namespace SecretSync.Core.DotEnv;

/// <summary>
/// Writes .env values so that python-dotenv 1.2.2 and <see cref="DotEnvReader"/> both read back the exact value.
/// Plain tokens stay unquoted, other values go in single quotes when raw text survives there, else double quotes.
/// </summary>
internal static class DotEnvWriter
{
    // Safe unquoted for python-dotenv, DotNetEnv, node and compose alike: no quotes, '#', '$', spaces.
    private const string UnquotedPunctuation = "_-./:@%+,=~?&\\";

    // python-dotenv expands ${NAME} in every quoting and has no escape for '$'; ${:-$} is an empty-named variable
    // (none can exist) defaulting to "$", so "${:-$}{" reads back as "${".
    private const string LiteralDollarBrace = "${:-$}{";

    /// <summary>One line <c>NAME=value</c> without a line break (a multi-line value spans lines inside quotes).</summary>
    /// <exception cref="ArgumentException">The name is not a key a .env file can hold.</exception>
    public static string FormatLine(string name, string value)
    {
        DotEnvKeyNames.Validate(name);
        return name + "=" + FormatValue(value);
    }

    /// <summary>
    /// Sets <paramref name="values"/> in existing .env text and returns the new text: each existing key (every
    /// occurrence of it) gets its new value in place, keeping comments, other keys, order, line endings and BOM;
    /// new keys are appended in the given order. Pure text: the caller writes the file atomically.
    /// </summary>
    /// <param name="existingText">Current content ("" for a new file).</param>
    /// <param name="values">Name/value pairs; a name given twice takes its last value.</param>
    /// <param name="displayPath">Names the file if the existing text does not parse.</param>
    /// <exception cref="DotEnvParseException">The existing text has a statement the reader rejects; nothing is changed.</exception>
    public static string Merge(string existingText, IEnumerable<KeyValuePair<string, string>> values, string displayPath = ".env") =>
        DotEnvMerger.Merge(existingText, values, displayPath);

    /// <summary>The value as it goes after '=': unquoted, single-quoted or double-quoted.</summary>
    public static string FormatValue(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (IsSafeUnquoted(value))
        {
            return value;
        }

        // Single quotes keep text raw, but python-dotenv decodes \\ and \' there and reads a raw CR as a line break.
        if (value.IndexOf('\'') < 0 && value.IndexOf('\\') < 0 && value.IndexOf('\r') < 0)
        {
            return "'" + EscapeDollarBraces(value) + "'";
        }

        return "\"" + EscapeForDoubleQuotes(value) + "\"";
    }

    private static bool IsSafeUnquoted(string value)
    {
        foreach (char c in value)
        {
            bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UnquotedPunctuation.IndexOf(c) >= 0;
            if (!safe)
            {
                return false;
            }
        }

        return true;
    }

    private static string EscapeDollarBraces(string value) =>
        value.IndexOf("${", StringComparison.Ordinal) < 0 ? value : value.Replace("${", LiteralDollarBrace);

    private static string EscapeForDoubleQuotes(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '\\' when i == value.Length - 1:
                    // "...\\" would end in \" which python-dotenv reads as an escaped quote, not the closing one.
                    text.Append("${:-\\\\}");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '"':
                    text.Append("\\\"");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '$' when i + 1 < value.Length && value[i + 1] == '{':
                    text.Append(LiteralDollarBrace);
                    i++;
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }
}
