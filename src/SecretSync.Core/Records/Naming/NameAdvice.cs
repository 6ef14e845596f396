namespace SecretSync.Core.Records.Naming;

/// <summary>
/// What to say about a name the catalog does not know. A name a small edit away from a catalogued one is most likely
/// a typo of it (LINEAR_APY_KEY), and then the catalogued name is the suggestion, not a made-up one with a suffix.
/// </summary>
public static class NameAdvice
{
    /// <summary>The catalogued name <paramref name="name"/> is most likely a typo of; null when it is catalogued or near none.</summary>
    public static string? LikelyTypoOf(string name, SecretCatalog catalog) =>
        catalog.Find(name) is not null || catalog.FindByGitHubName(name)?.GitHubName == name
            ? null
            : NearestName.Find(name, catalog.Entries.Select(e => e.Name));

    /// <summary>
    /// The convention's verdict on <paramref name="name"/> (with the service a catalog entry declares), suggesting the
    /// nearest catalogued name when there is one.
    /// </summary>
    public static NameCheck Check(string name, SecretCatalog catalog) =>
        catalog.Find(name) is { } entry
            ? SecretNameRules.Check(name, entry.Service)
            : SecretNameRules.Check(name, likelyMeant: LikelyTypoOf(name, catalog));
}
