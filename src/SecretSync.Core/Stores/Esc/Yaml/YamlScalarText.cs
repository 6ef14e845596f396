namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>Writes scalars so that any YAML parser (yaml.v3 in ESC, YamlDotNet here) reads back exactly the input.</summary>
internal static class YamlScalarText
{
    private static readonly Regex s_safePlain = new("^[A-Za-z_][A-Za-z0-9_.-]*(::?[A-Za-z0-9_.-]+)*$", RegexOptions.CultureInvariant);

    // YAML 1.1 reads these as booleans or null when plain; yaml.v3 still honours some of them for compatibility.
    private static readonly string[] s_typedWords = { "true", "false", "yes", "no", "on", "off", "y", "n", "null" };

    /// <summary>Plain when that is unambiguous (a key or path such as <c>linear_api_key</c>), double-quoted otherwise.</summary>
    public static string KeyOrWord(string value)
    {
        if (s_safePlain.IsMatch(value) && Array.IndexOf(s_typedWords, value.ToLowerInvariant()) < 0)
        {
            return value;
        }

        return DoubleQuoted(value);
    }

    /// <summary>
    /// A double-quoted scalar on one line. Every character that YAML could fold, strip or reject is escaped:
    /// line breaks, tabs and other controls, the BOM, the Unicode line separators and U+FFFE/U+FFFF (outside YAML's
    /// c-printable set, refused raw by yaml.v3); <c>"</c> and <c>\</c>.
    /// Everything else (including <c>#</c>, <c>:</c>, <c>$</c>, emoji) is literal: inside double quotes it has no meaning.
    /// </summary>
    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\0':
                    builder.Append("\\0");
                    break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>True when <paramref name="value"/> holds an unpaired UTF-16 surrogate, which no YAML file can carry.</summary>
    public static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
