using System;
using System.Text;
using System.Text.RegularExpressions;

namespace SecretSync.Core.Naming;

/// <summary>
/// The SERVICE_CREDENTIAL_TYPE convention: upper case, digits and underscores, at least two segments, ending in a
/// known credential type. The ESC path of a secret is <c>service.name</c>, both lower case.
/// </summary>
public static class SecretNameRules
{
    private static readonly Regex s_shape = new("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$", RegexOptions.CultureInvariant);

    // ESC refuses these as keys of values ("\"context\" is a reserved key", pulumi/esc eval/eval.go
    // isReserveTopLevelKey), and files is its map of temporary files; see docs/SERVICES.md.
    private static readonly string[] s_reservedServiceKeys = { "imports", "context", "environments", "files" };

    /// <summary>Checks <paramref name="name"/>; <paramref name="explicitService"/> (from a catalog entry) overrides the suffix rule.</summary>
    public static NameCheck Check(string name, string? explicitService = null)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var gitHubReason = GitHubNameRules.Violation(name);
        if (!s_shape.IsMatch(name))
        {
            var suggestion = Suggest(name);
            return new NameCheck(name, false, null, null, null, $"'{name}' is not SERVICE_CREDENTIAL_TYPE (upper case letters, digits and underscores, at least two segments, starting with a letter); try {suggestion}", suggestion, gitHubReason is null, gitHubReason);
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
            var suggestion = name + "_API_KEY";
            return new NameCheck(name, false, null, null, null, $"'{name}' does not end in a known credential type ({string.Join(", ", CredentialTypes.Known)}); try {suggestion}, or declare the secret's service in secretsync.json", suggestion, gitHubReason is null, gitHubReason);
        }

        return new NameCheck(name, true, service, type, EscPathOf(name, service), gitHubReason, null, gitHubReason is null, gitHubReason);
    }

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
