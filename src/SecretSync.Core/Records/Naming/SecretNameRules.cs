namespace SecretSync.Core.Records.Naming;

/// <summary>
/// The SERVICE_CREDENTIAL_TYPE convention: upper case, digits and underscores, at least two segments, ending in a
/// known credential type. The ESC path of a secret is <c>service.name</c>, both lower case.
/// </summary>
internal static class SecretNameRules
{
    private static readonly Regex s_shape = new("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$", RegexOptions.CultureInvariant);

    // ESC refuses these as keys of values ("\"context\" is a reserved key", pulumi/esc eval/eval.go
    // isReserveTopLevelKey), and files is its map of temporary files; see docs/SERVICES.md.
    private static readonly string[] s_reservedServiceKeys = { "imports", "context", "environments", "files" };

    /// <summary>
    /// True when <paramref name="name"/> follows SERVICE_CREDENTIAL_TYPE: <see cref="Check"/>'s IsValid without an
    /// explicit service, without building the verdict's strings (a selector asks this of every key of a .env file).
    /// </summary>
    public static bool Follows(string name) => s_shape.IsMatch(name) && CredentialTypes.LongestSuffixOf(name) is not null;

    /// <summary>Checks <paramref name="name"/>; <paramref name="explicitService"/> (from a catalog entry) overrides the suffix rule.</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="explicitService">The service a catalog entry declares, if any.</param>
    /// <param name="likelyMeant">
    /// A catalogued name this one is likely a typo of (see <see cref="NameAdvice"/>): it becomes the suggestion, and a
    /// valid name gets it as a question in <see cref="NameCheck.Reason"/>.
    /// </param>
    public static NameCheck Check(string name, string? explicitService = null, string? likelyMeant = null)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var gitHubReason = GitHubNameRules.Violation(name);
        if (!s_shape.IsMatch(name))
        {
            var suggestion = likelyMeant ?? Suggest(name);
            return new NameCheck(name, false, null, null, null, $"'{name}' is not SERVICE_CREDENTIAL_TYPE (upper case letters, digits and underscores, at least two segments, starting with a letter); {Try(suggestion, likelyMeant)}", suggestion, gitHubReason is null, gitHubReason);
        }

        string? service;
        string? type;
        if (!string.IsNullOrEmpty(explicitService) && name.StartsWith(explicitService + "_", StringComparison.Ordinal))
        {
            service = explicitService;
            type = name.Substring(explicitService!.Length + 1);
        }
        else
        {
            type = CredentialTypes.LongestSuffixOf(name);
            service = type is null ? null : name.Substring(0, name.Length - type.Length - 1);
        }

        if (type is null || service is null)
        {
            var suggestion = likelyMeant ?? name + "_API_KEY";
            var alternative = likelyMeant is null ? ", or declare the secret's service in secretsync.json" : string.Empty;
            return new NameCheck(name, false, null, null, null, $"'{name}' does not end in a known credential type ({string.Join(", ", CredentialTypes.Known)}); {Try(suggestion, likelyMeant)}{alternative}", suggestion, gitHubReason is null, gitHubReason);
        }

        var typo = likelyMeant is null ? null : $"'{name}' follows the convention but is not catalogued; did you mean {likelyMeant}?";
        var reason = gitHubReason is null ? typo : typo is null ? gitHubReason : gitHubReason + "; " + typo;
        return new NameCheck(name, true, service, type, EscPathOf(name, service), reason, likelyMeant, gitHubReason is null, gitHubReason);
    }

    private static string Try(string suggestion, string? likelyMeant) =>
        likelyMeant is null ? "try " + suggestion : $"did you mean {likelyMeant}?";

    /// <summary>
    /// The ESC path of a secret: <c>&lt;service lower&gt;.&lt;name lower&gt;</c>. A service that ESC reserves under
    /// <c>values</c> gets a trailing underscore (CONTEXT_API_KEY → <c>context_.context_api_key</c>); no real service
    /// segment can end in one, so the mapping cannot collide. Reads and writes both go through here.
    /// </summary>
    public static string EscPathOf(string name, string service)
    {
        var segment = service.ToLowerInvariant();
        if (Array.IndexOf(s_reservedServiceKeys, segment) >= 0)
        {
            segment += "_";
        }

        return segment + "." + name.ToLowerInvariant();
    }

    /// <summary>The nearest name of the right shape: upper case, other characters as underscores, a letter first.</summary>
    public static string Suggest(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        foreach (var c in name.Trim())
        {
            var upper = char.ToUpperInvariant(c);
            var keep = (upper >= 'A' && upper <= 'Z') || (upper >= '0' && upper <= '9');
            if (keep)
            {
                builder.Append(upper);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        var cleaned = builder.ToString().Trim('_');
        if (cleaned.Length == 0)
        {
            return "SERVICE_API_KEY";
        }

        if (char.IsDigit(cleaned[0]))
        {
            cleaned = "S" + cleaned;
        }

        return cleaned.Contains("_") && CredentialTypes.LongestSuffixOf(cleaned) is not null ? cleaned : cleaned + "_API_KEY";
    }
}
