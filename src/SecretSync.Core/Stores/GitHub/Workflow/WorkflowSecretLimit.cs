namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// GitHub's limit on what one workflow run sees: at most 100 organisation secrets, the first 100 by name when more
/// are shared with the repository (runtime-and-limits.md; GitHub docs "Using secrets in GitHub Actions", limits).
/// The rest arrive as empty strings, so a sync would silently skip them.
/// </summary>
public static class WorkflowSecretLimit
{
    /// <summary>Organisation secrets a workflow run can read.</summary>
    public const int MaxOrganizationSecrets = 100;

    /// <summary>
    /// The names a run would not see: beyond the first <see cref="MaxOrganizationSecrets"/> of
    /// <paramref name="organizationSecretNames"/> (the org secrets the repository can read) in alphabetical order.
    /// GitHub compares names case-insensitively, so they are sorted and deduplicated that way.
    /// </summary>
    public static IReadOnlyList<string> Unseen(IEnumerable<string> organizationSecretNames) =>
        (organizationSecretNames ?? throw new ArgumentNullException(nameof(organizationSecretNames)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n, StringComparer.Ordinal)
            .Skip(MaxOrganizationSecrets)
            .ToList();
}
