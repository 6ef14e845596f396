namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>
/// Finds references of every dialect in the reference's table: <c>${NAME}</c>, <c>${NAME:-d}</c>, <c>${env:NAME}</c>,
/// <c>${input:id}</c>, <c>${file:/p}</c>, <c>${{ secrets.NAME }}</c> (Continue), <c>{env:NAME}</c> (opencode) and
/// bare <c>$NAME</c>. Client built-ins such as <c>${workspaceFolder}</c> are skipped but not reported.
/// </summary>
internal static class McpReferenceScanner
{
    private static readonly Regex s_braced = new(
        @"\$\{\{\s*(?:secrets\.)?(?<continue>[A-Za-z_][A-Za-z0-9_.\-]*)\s*\}\}|\$\{(?<inner>[^{}]+)\}|(?<!\$)\{env:(?<opencode>[A-Za-z_][A-Za-z0-9_]*)\}",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex s_dollar = new(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    private static readonly Regex s_posixName = new(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly HashSet<string> s_builtins = new(StringComparer.Ordinal)
    {
        "workspaceFolder", "workspaceFolderBasename", "workspaceRoot", "userHome", "pathSeparator", "cwd", "file",
        "fileDirname", "CLAUDE_PLUGIN_ROOT", "CLAUDE_PROJECT_DIR", "HOME", "PATH", "PWD", "USER", "TMPDIR",
    };

    /// <summary>The braced forms (<c>${…}</c>, <c>{env:…}</c>); null entries are built-ins, which are only skipped.</summary>
    public static List<(int Start, int Length, McpReference? Reference)> FindBraced(string value)
    {
        var found = new List<(int, int, McpReference?)>();
        if (value.IndexOf('{') < 0)
        {
            return found;
        }

        foreach (Match match in s_braced.Matches(value))
        {
            found.Add((match.Index, match.Length, Classify(match)));
        }

        return found;
    }

    /// <summary>Bare <c>$NAME</c> forms (checked after known values, since a secret may itself contain <c>$</c>).</summary>
    public static IEnumerable<(int Start, int Length, McpReference? Reference)> FindDollar(string value)
    {
        if (value.IndexOf('$') < 0)
        {
            yield break;
        }

        foreach (Match match in s_dollar.Matches(value))
        {
            var name = match.Groups["name"].Value;
            yield return (match.Index, match.Length, Reference(match, name, isVariable: true, hasDefault: false));
        }
    }

    private static McpReference? Classify(Match match)
    {
        if (match.Groups["continue"].Success)
        {
            return Reference(match, match.Groups["continue"].Value, isVariable: false, hasDefault: false);
        }

        if (match.Groups["opencode"].Success)
        {
            return Reference(match, match.Groups["opencode"].Value, isVariable: true, hasDefault: false);
        }

        var inner = match.Groups["inner"].Value.Trim();
        var colon = inner.IndexOf(':');
        if (colon > 0 && !inner.Substring(colon).StartsWith(":-", StringComparison.Ordinal))
        {
            var prefix = inner.Substring(0, colon);
            var rest = inner.Substring(colon + 1);
            return prefix switch
            {
                "env" => Reference(match, rest, isVariable: true, hasDefault: false),
                "input" => Reference(match, rest, isVariable: false, hasDefault: false),
                _ => null, // ${file:…}, ${config:…}, ${command:…}: client features, not secrets to report.
            };
        }

        // ${NAME}, ${NAME:-default}, POSIX ${NAME%pattern}: the variable is the leading identifier.
        var posix = s_posixName.Match(inner);
        if (!posix.Success)
        {
            return null;
        }

        var rest2 = posix.Groups["rest"].Value;
        return Reference(match, posix.Groups["name"].Value, isVariable: true, hasDefault: rest2.StartsWith(":-", StringComparison.Ordinal) || rest2.StartsWith("-", StringComparison.Ordinal));
    }

    private static McpReference? Reference(Match match, string name, bool isVariable, bool hasDefault) =>
        s_builtins.Contains(name) ? null : new McpReference(match.Index, match.Length, name, isVariable, hasDefault);
}
