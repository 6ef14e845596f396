namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The secrets the sync step receives, derived from the catalog alone: the generator writes them, -Check compares a
/// committed workflow with them, and the 100-secret limit is counted on them.
/// </summary>
public static class SyncWorkflowSecrets
{
    /// <summary>Needed by the sync to reach ESC, so it is passed even if a project catalog dropped it.</summary>
    public const string PulumiTokenName = "PULUMI_ACCESS_TOKEN";

    /// <summary>Every entry of the sync step, grouped by category in order of first appearance, then the ESC token if the catalog lacks it.</summary>
    /// <exception cref="WorkflowGenerationException">A name cannot be a step variable or is not of the shape <c>^[A-Z][A-Z0-9_]*$</c>.</exception>
    public static IReadOnlyList<SyncStepSecret> Of(SecretCatalog catalog) =>
        Grouped(catalog).SelectMany(g => g.Secrets).Concat(Extra(catalog)).ToList();

    /// <summary>
    /// The entries of every sync step: with "environments" in <paramref name="config"/>, those of the shared and the
    /// matrix jobs (each once), else <see cref="Of(SecretCatalog)"/>.
    /// </summary>
    public static IReadOnlyList<SyncStepSecret> Of(SecretCatalog catalog, ProjectConfig? config) =>
        config is { Environments.Count: > 0 } && SyncWorkflowMatrix.Of(catalog, config) is { } matrix
            ? matrix.SharedSecrets.Concat(matrix.TargetSecrets.Select(t => t.Secret)).Distinct().ToList()
            : Of(catalog);

    /// <summary>The organisation secrets a run of the workflow reads (GitHub names, each once), for the workflow <paramref name="config"/> generates.</summary>
    public static IReadOnlyList<string> GitHubNames(SecretCatalog catalog, ProjectConfig? config) =>
        Of(catalog, config).Select(s => s.GitHubName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The organisation secrets a run of the workflow reads (GitHub names, each once).</summary>
    public static IReadOnlyList<string> GitHubNames(SecretCatalog catalog) =>
        Of(catalog).Select(s => s.GitHubName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Catalog entries by category (each category once, also when secretsync.json interleaves them), in catalog order within each.</summary>
    internal static IReadOnlyList<(string Category, IReadOnlyList<SyncStepSecret> Secrets)> Grouped(SecretCatalog catalog) =>
        (catalog ?? throw new ArgumentNullException(nameof(catalog))).Entries
            .GroupBy(e => e.Category, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<SyncStepSecret>)g.Select(ForEntry).ToList()))
            .ToList();

    /// <summary>The ESC token, when the catalog does not already pass it.</summary>
    internal static IReadOnlyList<SyncStepSecret> Extra(SecretCatalog catalog) =>
        catalog.Entries.Any(e => e.Name == PulumiTokenName) ? [] : [new SyncStepSecret(PulumiTokenName, PulumiTokenName)];

    internal static SyncStepSecret ForEntry(CatalogEntry entry)
    {
        // GITHUB_* is GitHub's own namespace (GITHUB_TOKEN is the run's token in many workflows): use the alias.
        var variable = entry.Name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) ? entry.GitHubName : entry.Name;
        foreach (var name in new[] { variable, entry.GitHubName })
        {
            if (!CatalogText.IsSafeName(name))
            {
                throw new WorkflowGenerationException($"The catalogued secret {entry.Name} ({entry.Origin}) would reach the workflow as '{name}'; a workflow takes only names of capital letters, digits and underscores that start with a letter. Give it a githubName such as {entry.Name.ToUpperInvariant()}.");
            }
        }

        StepVariableRules.Check(variable);
        return new SyncStepSecret(variable, entry.GitHubName);
    }
}
