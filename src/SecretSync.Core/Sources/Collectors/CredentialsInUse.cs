namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// Keeps the operator's own credentials out of a collection of the process environment: PULUMI_ACCESS_TOKEN,
/// GITHUB_TOKEN and GH_TOKEN are what SecretSync itself authenticates with, not project secrets, and syncing or
/// pushing them would ship a personal token to every reader of ESC and every workflow of the organisation. They
/// are collected only when named exactly (-Name PULUMI_ACCESS_TOKEN), from a file (.env), or inside a GitHub
/// Actions run, where the generated workflow maps the organisation's secrets into the environment on purpose.
/// </summary>
internal static class CredentialsInUse
{
    /// <summary>The variables SecretSync reads its tokens from (see <see cref="Plumbing.Credentials.EndpointResolver"/>).</summary>
    public static readonly IReadOnlyCollection<string> Variables = ["PULUMI_ACCESS_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"];

    /// <summary>
    /// <paramref name="records"/> of the process environment without the credentials in use, unless named in
    /// <paramref name="namedExactly"/>; says once, verbosely, which were skipped and how to include them.
    /// </summary>
    public static List<SecretRecord> Skip(IEnumerable<SecretRecord> records, IReadOnlyCollection<string> namedExactly, bool inWorkflowRun, ISyncReporter reporter)
    {
        var all = records.ToList();
        if (inWorkflowRun)
        {
            return all;
        }

        var skipped = all.Where(r => IsCredentialInUse(r) && !namedExactly.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (skipped.Count > 0)
        {
            var variables = string.Join(", ", skipped.Select(r => r.Origin));
            reporter.Verbose($"Not collected from the process environment: {variables}, the credentials SecretSync itself authenticates with. Name one exactly (-Name {skipped[0].Name}) or put it in a .env file to collect it.");
        }

        return all.Except(skipped).ToList();
    }

    private static bool IsCredentialInUse(SecretRecord record) =>
        record.SourceKind == SecretSource.Environment && Variables.Any(v => record.Origin == "env:" + v);
}
