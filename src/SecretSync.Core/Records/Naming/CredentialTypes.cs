namespace SecretSync.Core.Records.Naming;

/// <summary>
/// The credential-type suffixes of the <c>SERVICE_CREDENTIAL_TYPE</c> convention. A name's credential type is the
/// longest of these that ends it on a segment boundary; the service is what stands before it.
/// </summary>
internal static class CredentialTypes
{
    private static readonly string[] s_known =
    [
        "API_KEY", "API_TOKEN", "API_SECRET", "ACCESS_KEY", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "ACCESS_TOKEN",
        "AUTH_TOKEN", "REFRESH_TOKEN", "BOT_TOKEN", "APP_TOKEN", "APP_ID", "CLIENT_ID", "CLIENT_SECRET",
        "SIGNING_SECRET", "WEBHOOK_SECRET", "PRIVATE_KEY", "PUBLIC_KEY", "SECRET_KEY", "CONNECTION_STRING",
        "PROJECT_ID", "ORG_ID", "ACCOUNT_ID", "TOKEN", "PAT", "PASSWORD", "PASSPHRASE", "USER", "USERNAME",
        "ACCOUNT", "ENVIRONMENT", "SECRET", "KEY", "DSN", "URL", "HOST", "REGION", "WAREHOUSE", "DATABASE", "ROLE",
    ];

    // Longest first, so API_KEY wins over KEY and CLIENT_SECRET over SECRET.
    private static readonly string[] s_longestFirst = s_known.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToArray();

    /// <summary>Every known credential type, in a stable order.</summary>
    public static IReadOnlyList<string> Known => s_known;

    /// <summary>The longest known credential type ending <paramref name="name"/> with at least one segment before it.</summary>
    public static string? LongestSuffixOf(string name)
    {
        foreach (var type in s_longestFirst)
        {
            if (name.Length > type.Length + 1
                && name.EndsWith(type, StringComparison.Ordinal)
                && name[name.Length - type.Length - 1] == '_')
            {
                return type;
            }
        }

        return null;
    }
}
