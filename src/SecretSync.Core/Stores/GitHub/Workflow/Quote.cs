namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>Literal quoting for the two languages a generated workflow mixes: YAML and PowerShell.</summary>
internal static class Quote
{
    /// <summary>A YAML single-quoted scalar (also a GitHub expression string literal): ' is doubled.</summary>
    public static string Yaml(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>
    /// A PowerShell verbatim string. PowerShell also ends single-quoted strings at the typographic quotes
    /// U+2018..U+201B, so each of those is doubled as well.
    /// </summary>
    public static string Pwsh(string value)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in value)
        {
            quoted.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }

    /// <summary>A path as a literal GitHub path-filter pattern (to be YAML-quoted): glob characters escaped with a backslash.</summary>
    public static string PathFilter(string path)
    {
        var escaped = new StringBuilder();
        foreach (var c in path)
        {
            if (c is '*' or '?' or '[' or ']' or '+' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
