namespace SecretSync.Core.Plumbing.Git;

/// <summary>Builds the ProcessStartInfo.Arguments text of a git command, so that every argument reaches git whole.</summary>
internal static class GitArguments
{
    /// <summary>
    /// <paramref name="arguments"/> after <c>-c core.quotepath=off</c>: -z output is raw bytes, and quotepath=off keeps
    /// non-ASCII names readable in the rare non -z calls.
    /// </summary>
    public static string CommandLine(string[] arguments) => "-c core.quotepath=off " + string.Join(" ", Array.ConvertAll(arguments, Quote));

    /// <summary>Quotes one argument by the rules ProcessStartInfo.Arguments is split with (backslashes are literal unless a quote follows).</summary>
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '"', '\t', '\'']) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
