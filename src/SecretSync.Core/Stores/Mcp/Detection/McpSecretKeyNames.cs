namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>Tells the keys whose values are likely secrets by the words their names are made of.</summary>
internal static class McpSecretKeyNames
{
    private static readonly Regex s_nameSegments = new(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly HashSet<string> s_secretSegments = new(StringComparer.Ordinal)
    {
        "KEY", "APIKEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PWD", "PASS", "PAT", "CREDENTIAL", "CREDENTIALS",
        "AUTH", "AUTHORIZATION", "PASSPHRASE", "COOKIE", "SESSION",
    };

    // A secret word followed by one of these names something about the secret, not the secret (TOKEN_URL, KEY_ID).
    private static readonly HashSet<string> s_nonSecretLastSegments = new(StringComparer.Ordinal)
    {
        "URL", "URI", "HOST", "PATH", "FILE", "DIR", "TYPE", "MODE", "ENABLED", "ID", "NAME", "USER", "USERNAME",
        "ENDPOINT", "REGION", "PORT", "HEADER", "METHOD", "PROVIDER", "EXPIRY", "EXPIRES", "TTL", "LENGTH", "SIZE",
        "LIMIT", "FORMAT", "VERSION", "SCOPE", "SCOPES", "HELPER", "COMMAND", "CMD",
    };

    /// <summary>
    /// True for keys such as <c>API_KEY</c>, <c>x-api-key</c>, <c>Authorization</c>, <c>--access-token</c>,
    /// <c>githubPersonalAccessToken</c>: a secret word among the segments, and not ending in URL, ID, PATH...
    /// </summary>
    public static bool IsSecretKeyName(string key)
    {
        var segments = new List<string>();
        foreach (Match match in s_nameSegments.Matches(key))
        {
            segments.Add(match.Value.ToUpperInvariant());
        }

        if (segments.Count == 0 || s_nonSecretLastSegments.Contains(segments[segments.Count - 1]))
        {
            return false;
        }

        return segments.Exists(s_secretSegments.Contains);
    }
}
