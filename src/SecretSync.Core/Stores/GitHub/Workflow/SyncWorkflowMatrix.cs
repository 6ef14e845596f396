namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The secrets of a many-environment sync workflow, from the catalog and secretsync.json alone: the shared base
/// job receives the names the base selects; the matrix job's step lists every variable any environment needs, each
/// given to the environments that need it only (<see cref="Condition"/>): an environment's own values (the names
/// its source gives them, such as LINEAR_API_KEY_STAGING) and the plain names it writes itself (those the base
/// does not carry). The ESC token reaches every job, which cannot reach ESC without it.
/// </summary>
internal sealed class SyncWorkflowMatrix
{
    private SyncWorkflowMatrix(EnvironmentTarget? shared, IReadOnlyList<EnvironmentTarget> targets, IReadOnlyList<SyncStepSecret> sharedSecrets, IReadOnlyList<(SyncStepSecret Secret, IReadOnlyList<string> Targets)> targetSecrets)
    {
        Shared = shared;
        Targets = targets;
        SharedSecrets = sharedSecrets;
        TargetSecrets = targetSecrets;
    }

    /// <summary>The base environment, synced first by a job of its own, or null.</summary>
    public EnvironmentTarget? Shared { get; }

    /// <summary>The environments of the matrix, in secretsync.json order.</summary>
    public IReadOnlyList<EnvironmentTarget> Targets { get; }

    /// <summary>True when the matrix job runs in each environment's GitHub Actions environment.</summary>
    public bool UsesGitHubEnvironments => Targets.All(t => t.GitHubEnvironment is not null);

    /// <summary>The variables of the base job (the ESC token last).</summary>
    public IReadOnlyList<SyncStepSecret> SharedSecrets { get; }

    /// <summary>The variables of the matrix job with the environments each is given to (empty: every one, the ESC token).</summary>
    public IReadOnlyList<(SyncStepSecret Secret, IReadOnlyList<string> Targets)> TargetSecrets { get; }

    /// <summary>Every organisation secret a run reads (GitHub names, each once).</summary>
    public IReadOnlyList<string> GitHubNames =>
        SharedSecrets.Concat(TargetSecrets.Select(t => t.Secret)).Select(s => s.GitHubName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The env value of a matrix variable: the secret for the environments listed, '' (not collected) for the others.</summary>
    public static string Condition(SyncStepSecret secret, IReadOnlyList<string> targets) => targets.Count == 0
        ? $"${{{{ secrets.{secret.GitHubName} }}}}"
        : $"${{{{ ({string.Join(" || ", targets.Select(t => $"matrix.target == '{t}'"))}) && secrets.{secret.GitHubName} || '' }}}}";

    /// <exception cref="WorkflowGenerationException">A name cannot reach a workflow, or only some environments name a GitHub Actions environment.</exception>
    public static SyncWorkflowMatrix Of(SecretCatalog catalog, ProjectConfig config)
    {
        var targets = config.Environments;
        if (targets.Any(t => t.GitHubEnvironment is not null) && targets.Any(t => t.GitHubEnvironment is null))
        {
            throw new WorkflowGenerationException($"Only some environments of secretsync.json name a \"githubEnvironment\" ({string.Join(", ", targets.Where(t => t.GitHubEnvironment is null).Select(t => t.Name))} do not). One matrix job runs them all, so give each one (an environment without protection rules is fine) or none.");
        }

        var token = new SyncStepSecret(SyncWorkflowSecrets.PulumiTokenName, SyncWorkflowSecrets.PulumiTokenName);
        var sharedSecrets = config.Shared is { } shared
            ? config.Shared.Secrets.Of(catalog).Select(SyncWorkflowSecrets.ForEntry).Where(s => s.Variable != token.Variable).Append(token).ToList()
            : [];

        var given = new Dictionary<SyncStepSecret, List<string>>();
        foreach (var target in targets)
        {
            foreach (var entry in target.Secrets.Of(catalog).Where(e => e.Name != token.Variable))
            {
                if (target.Source is { } source)
                {
                    Give(given, OwnSecret(target, source.NameFor(entry.Name)), target.Name);
                }

                if (config.Shared is null || !config.Shared.Secrets.Selects(entry))
                {
                    Give(given, SyncWorkflowSecrets.ForEntry(entry), target.Name);
                }
            }
        }

        var targetSecrets = given.Select(p => (p.Key, (IReadOnlyList<string>)p.Value)).Append((token, [])).ToList();
        return new SyncWorkflowMatrix(config.Shared, targets, sharedSecrets, targetSecrets);
    }

    private static void Give(Dictionary<SyncStepSecret, List<string>> given, SyncStepSecret secret, string target)
    {
        if (!given.TryGetValue(secret, out var list))
        {
            given[secret] = list = [];
        }

        list.Add(target);
    }

    private static SyncStepSecret OwnSecret(EnvironmentTarget target, string name)
    {
        if (!CatalogText.IsSafeName(name) || GitHubNameRules.Violation(name) is not null)
        {
            throw new WorkflowGenerationException($"Environment \"{target.Name}\" takes its values from organisation secrets named like {name}, which GitHub does not allow as a secret name; exclude that secret from \"{target.Name}\" or change its \"source\".");
        }

        StepVariableRules.Check(name);
        return new SyncStepSecret(name, name);
    }
}
