namespace SecretSync.Core.Stores.Export;

/// <summary>
/// Spells values for .env files that python-dotenv 1.2.2 and DotNetEnv 3.0.0 both read back exactly, or says why
/// none exists. The two disagree on '$': python-dotenv expands <c>${NAME}</c> in every quoting and has no escape
/// for it (DotEnvWriter's <c>${:-$}{</c> trick is read literally by DotNetEnv), while DotNetEnv expands <c>$NAME</c>
/// and <c>${NAME}</c> unquoted and in double quotes and decodes <c>\$</c>, which python-dotenv keeps. So: plain
/// tokens unquoted; single quotes (raw in both) when there is no quote, backslash or control character; double
/// quotes with the escapes both decode (\\ \" \n \r \a \b \v \f) when there is no <c>$</c> DotNetEnv would expand;
/// anything else is refused. No raw line break is ever written, so CRLF files cannot change a value either.
/// </summary>
internal static class PortableDotEnvValue
{
    private const string UnquotedPunctuation = "_-./:@%+,=~?&\\";

    // python-dotenv's interpolation pattern (src/dotenv/variables.py): what it would replace in any quoting.
    private static readonly Regex s_pythonExpansion = new(@"\$\{[^}:]*(?::-[^}]*)?\}", RegexOptions.CultureInvariant);

    /// <summary>The text after '=' for <paramref name="value"/>.</summary>
    /// <exception cref="ValueNotPortableException">No spelling reads back the same in both readers.</exception>
    public static string Format(string name, string value) =>
        Problem(value) is { } reason ? throw new ValueNotPortableException(name, reason) : FormatChecked(value);

    /// <summary>Why <paramref name="value"/> cannot be written portably, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (s_pythonExpansion.IsMatch(value))
        {
            return "contains text of the form ${...}, which python-dotenv expands in every kind of quoting and DotNetEnv reads literally";
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                return "is not valid Unicode (a lone surrogate cannot be stored as UTF-8)";
            }

            if (IsUnreadableControl(c))
            {
                return "contains a control character (other than tab, line breaks, \\a, \\b, \\v and \\f) that DotNetEnv rejects";
            }
        }

        if (IsSafeUnquoted(value) || CanSingleQuote(value))
        {
            return null;
        }

        if (value[value.Length - 1] == '\\')
        {
            return "ends with a backslash and also needs quotes: python-dotenv reads the closing \\\" of a double-quoted value as an escaped quote";
        }

        return ExpandsInDotNetEnv(value)
            ? "has '$' before a letter, '_' or '{' together with a quote, backslash or control character: DotNetEnv expands $NAME in double quotes and the two readers share no escape for '$'"
            : null;
    }

    internal static string FormatChecked(string value)
    {
        if (IsSafeUnquoted(value))
        {
            return value;
        }

        if (CanSingleQuote(value))
        {
            return "'" + value + "'";
        }

        var text = new StringBuilder(value.Length + 8).Append('"');
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\a' => "\\a",
                '\b' => "\\b",
                '\v' => "\\v",
                '\f' => "\\f",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static bool IsSafeUnquoted(string value)
    {
        foreach (char c in value)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UnquotedPunctuation.IndexOf(c) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Raw text in single quotes: both keep it, except that python-dotenv decodes \\ and \' there.</summary>
    private static bool CanSingleQuote(string value)
    {
        foreach (char c in value)
        {
            if (c == '\'' || c == '\\' || (c < ' ' && c != '\t') || c == '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    private static bool ExpandsInDotNetEnv(string value)
    {
        for (int i = 0; i + 1 < value.Length; i++)
        {
            if (value[i] == '$' && (char.IsLetter(value[i + 1]) || value[i + 1] == '_' || value[i + 1] == '{'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// DotNetEnv 3.0.0 rejects C0 and C1 control characters in every quoting (checked: U+0001, U+001C, U+001F,
    /// U+007F, U+0080, U+009F fail; U+0085 passes); those with an escape both readers share are written escaped.
    /// </summary>
    private static bool IsUnreadableControl(char c) =>
        (c < ' ' && "\t\n\r\v\f\a\b".IndexOf(c) < 0) || (c >= '\u007f' && c <= '\u009f' && c != '\u0085');
}
