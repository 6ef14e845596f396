namespace SecretSync.Core.Records.Configuration;

/// <summary>
/// Turns -Environment arguments into targets: a name of secretsync.json (<c>dev</c>, or <c>shared</c> for the
/// base), or an ESC reference (<c>org/env</c>, <c>org/project/env</c>); a reference of a configured target is that
/// target. Without arguments: the base and every configured environment, or none when secretsync.json has no
/// <c>environments</c> (then the commands work on one environment as they always did).
/// </summary>
public static class EnvironmentTargets
{
    /// <summary>The targets <paramref name="requested"/> names, each once, the shared base first.</summary>
    /// <exception cref="ArgumentException">An argument is neither a configured name nor an ESC reference.</exception>
    public static IReadOnlyList<EnvironmentTarget> Resolve(ProjectConfig config, IReadOnlyList<string>? requested)
    {
        var configured = Configured(config ?? throw new ArgumentNullException(nameof(config)));
        if (requested is null || requested.Count == 0)
        {
            return config.Environments.Count == 0 ? [] : configured;
        }

        var result = new List<EnvironmentTarget>();
        foreach (var argument in requested)
        {
            var target = configured.FirstOrDefault(t => string.Equals(t.Name, argument, StringComparison.OrdinalIgnoreCase))
                ?? FromReference(configured, argument);
            if (!result.Any(t => t.Esc.Equals(target.Esc)))
            {
                result.Add(target);
            }
        }

        return result.OrderBy(t => t.IsShared ? 0 : 1).ToList();
    }

    /// <summary>The base (when configured) and the environments of secretsync.json, in file order.</summary>
    public static IReadOnlyList<EnvironmentTarget> Configured(ProjectConfig config) =>
        (config.Shared is null ? config.Environments : config.Environments.Prepend(config.Shared)).ToList();

    /// <summary>The import a target needs: the base's <c>project/env</c>, for a configured environment when a base is configured.</summary>
    public static string? RequiredImport(ProjectConfig config, EnvironmentTarget target) =>
        config.Shared is { } shared && !target.IsShared && config.Environments.Contains(target) ? shared.Esc.QualifiedName : null;

    /// <summary>
    /// The names the environments' sources give catalogued secrets (LINEAR_API_KEY_STAGING): collected from the
    /// process environment like catalogued names, so a workflow job can pass an environment's own values.
    /// </summary>
    public static IReadOnlyList<string> SourceNames(ProjectConfig config, SecretCatalog catalog) =>
        config.Environments.Where(t => t.Source is not null)
            .SelectMany(t => t.Secrets.Of(catalog).Select(e => t.Source!.NameFor(e.Name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static EnvironmentTarget FromReference(IReadOnlyList<EnvironmentTarget> configured, string argument)
    {
        EnvironmentRef reference;
        try
        {
            reference = EnvironmentRef.Parse(argument);
        }
        catch (ArgumentException e) when (argument.IndexOf('/') < 0)
        {
            var names = configured.Count == 0 ? "secretsync.json names none" : "secretsync.json names " + string.Join(", ", configured.Select(t => t.Name));
            throw new ArgumentException($"'{argument}' is neither an environment of secretsync.json nor an ESC environment (org/env or org/project/env); {names}.", nameof(argument), e);
        }

        return configured.FirstOrDefault(t => t.Esc.Equals(reference))
            ?? new EnvironmentTarget(reference.ToString(), reference, SecretSelection.All, null, null, isShared: false, line: 0);
    }
}
