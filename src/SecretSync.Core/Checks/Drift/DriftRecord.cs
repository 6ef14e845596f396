namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// One secret name across catalog, environment, .env, GitHub, ESC and MCP configs: where it is, whether the readable
/// values agree, what is wrong and the next command to run. Holds no value and no fingerprint.
/// </summary>
public sealed class DriftRecord
{
    public DriftRecord(string name, IReadOnlyList<DriftStatus> issues, string? hint)
    {
        Name = name;
        IssueKinds = issues;
        StatusKind = issues.Count > 0 ? issues[0] : DriftStatus.InSync;
        Hint = hint;
    }

    /// <summary>The secret's name (catalog name; GitHub aliases are mapped back).</summary>
    public string Name { get; }

    /// <summary>The most severe of <see cref="Issues"/>, or InSync, by name (a <see cref="DriftStatus"/> name).</summary>
    /// <remarks>Text, not the enum, so that ConvertTo-Json writes the name: it reads .NET properties and writes enums as numbers.</remarks>
    public string Status => StatusKind.ToString();

    /// <summary>Every status that applies, most severe first, by name; empty when in sync.</summary>
    public StatusNames Issues => new(IssueKinds);

    /// <summary>The most severe of <see cref="IssueKinds"/>, or InSync.</summary>
    internal DriftStatus StatusKind { get; }

    /// <summary>Every status that applies, most severe first.</summary>
    internal IReadOnlyList<DriftStatus> IssueKinds { get; }

    /// <summary>What to do next: the concrete command for <see cref="Status"/>, and the other issues named.</summary>
    public string? Hint { get; }

    /// <summary>True when the catalog lists the name.</summary>
    public bool InCatalog { get; init; }

    /// <summary>True when the catalog marks it required.</summary>
    public bool Required { get; init; }

    /// <summary>True when the process environment has it.</summary>
    public bool InEnvironment { get; init; }

    /// <summary>True when a .env file that was read has it.</summary>
    public bool InDotEnv { get; init; }

    /// <summary>True/false when GitHub was read; null when it was skipped.</summary>
    public bool? InGitHub { get; init; }

    /// <summary>True/false when ESC was read; null when it was skipped.</summary>
    public bool? InEsc { get; init; }

    /// <summary>The MCP config files that reference the name.</summary>
    public IReadOnlyList<string> ReferencedBy { get; init; } = [];

    /// <summary>Where the name was found, e.g. <c>Catalog,DotEnv,Esc,Mcp</c>.</summary>
    public string Sources { get; init; } = string.Empty;

    /// <summary>True when every readable value agrees, false when they differ, null with fewer than two.</summary>
    public bool? ValuesAgree { get; init; }

    /// <summary>Which readable sources hold which (unnamed) value, e.g. <c>DotEnv vs Esc</c>; null when they agree.</summary>
    public string? DisagreeingSources { get; init; }

    /// <summary>GitHub's updated_at for the secret.</summary>
    public DateTimeOffset? GitHubUpdatedAt { get; init; }

    /// <summary>The ESC revision compared against.</summary>
    public long? EscRevision { get; init; }

    /// <summary>When that ESC revision was written.</summary>
    public DateTimeOffset? EscRevisionCreatedAt { get; init; }

    /// <summary>A valid name close to this one, when this one breaks the convention.</summary>
    public string? SuggestedName { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Whether <see cref="Status"/> or any of <see cref="Issues"/> is one of <paramref name="statuses"/>.</summary>
    public bool Has(IReadOnlyCollection<DriftStatus> statuses) =>
        statuses.Contains(StatusKind) || IssueKinds.Any(statuses.Contains);
}
