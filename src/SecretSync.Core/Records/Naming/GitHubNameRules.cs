namespace SecretSync.Core.Records.Naming;

/// <summary>
/// GitHub's own rules for Actions secret names: only [A-Za-z0-9_], no leading digit, no GITHUB_ prefix
/// (case-insensitive). Uniqueness is case-insensitive, which <see cref="Catalog.SecretCatalog"/> enforces.
/// </summary>
internal static class GitHubNameRules
{
    private static readonly Regex s_allowed = new("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

    /// <summary>Null when GitHub accepts <paramref name="name"/>; otherwise why it does not.</summary>
    public static string? Violation(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "GitHub secret names cannot be empty";
        }

        if (!s_allowed.IsMatch(name))
        {
            return "GitHub secret names may contain only letters, digits and underscores";
        }

        if (char.IsDigit(name[0]))
        {
            return "GitHub secret names cannot start with a digit";
        }

        if (name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase))
        {
            return "GitHub reserves the GITHUB_ prefix: give the secret a githubName alias such as GH_" + name.Substring("GITHUB_".Length).ToUpperInvariant();
        }

        return null;
    }

    /// <summary>An alias GitHub accepts for a name it refuses because of the GITHUB_ prefix.</summary>
    public static string SuggestAlias(string name) =>
        name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) ? "GH_" + name.Substring("GITHUB_".Length) : name;
}
