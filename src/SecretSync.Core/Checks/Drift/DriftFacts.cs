using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Checks.Drift;

/// <summary>What the sources say about one name, before it is judged.</summary>
internal sealed class DriftFacts
{
    public DriftFacts(string name, SecretCatalog catalog)
    {
        Name = name;
        Entry = catalog.Find(name);
        LikelyTypoOf = Entry is null ? NameAdvice.LikelyTypoOf(name, catalog) : null;
        Check = Entry is null ? SecretNameRules.Check(name, likelyMeant: LikelyTypoOf) : null;
    }

    public string Name { get; }

    public CatalogEntry? Entry { get; }

    /// <summary>The catalogued name this uncatalogued one is most likely a typo of.</summary>
    public string? LikelyTypoOf { get; }

    /// <summary>The convention's verdict, for names the catalog does not vouch for.</summary>
    public NameCheck? Check { get; }

    public bool Required => Entry?.Required ?? false;

    public bool HasValidName => Check is null || Check.IsValid;

    public bool InEnvironment { get; set; }

    public bool InDotEnv { get; set; }

    /// <summary>The first .env file whose two dialects read this key differently; null when they agree.</summary>
    public DotEnvDialectDifference? DialectDifference { get; set; }

    public bool? InGitHub { get; set; }

    public bool? InEsc { get; set; }

    public List<McpNameReference> References { get; } = [];

    public bool Requested { get; set; }

    public DateTimeOffset? GitHubUpdatedAt { get; set; }

    public bool? ValuesAgree { get; set; }

    public string? DisagreeingSources { get; set; }

    /// <summary>True when one of the disagreeing values is ESC's.</summary>
    public bool EscDisagrees { get; set; }

    /// <summary>A known name this one may be a typo of (or that may be a typo of this one).</summary>
    public string? Nearest { get; set; }

    public bool IsLocal => InEnvironment || InDotEnv;

    /// <summary>
    /// True when every referencing client finds the name locally: in its environment, or in .env for the few that
    /// read it (Continue); a client that resolves <c>${env:NAME}</c> from its process does not see a .env.
    /// </summary>
    public bool ReferencesResolveLocally => References.All(r => InEnvironment || (InDotEnv && r.ClientReadsDotEnv));

    public bool FoundAnywhere => IsLocal || InGitHub == true || InEsc == true;
}
