namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// The process environment wins over .env files, as python-dotenv's <c>load_dotenv(override=False)</c> and DotNetEnv's
/// NoClobber leave it: a .env record of a name the environment also sets is dropped. When the values differ that is
/// said once per name, naming every origin involved and never a value; the shell's value may be a stale export.
/// </summary>
internal static class EnvironmentPrecedence
{
    /// <summary><paramref name="records"/> without the .env records that an environment record overrides.</summary>
    public static List<SecretRecord> Apply(List<SecretRecord> records, ISyncReporter reporter)
    {
        var winners = records
            .Where(r => r.SourceKind == SecretSource.Environment)
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var shadowed = records.Where(r => r.SourceKind == SecretSource.DotEnv && winners.ContainsKey(r.Name)).ToList();
        foreach (var group in shadowed.GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var winner = winners[group.Key];
            var differing = group.Where(r => r.Fingerprint != winner.Fingerprint).Select(r => r.Origin).ToList();
            if (differing.Count > 0)
            {
                reporter.Warning($"{group.Key} has different values in {winner.Origin} and {string.Join(", ", differing)}; the process environment wins, as with python-dotenv and DotNetEnv (NoClobber). Update the .env file, or remove the variable: Remove-Item Env:{winner.Origin.Substring("env:".Length)}");
            }
            else
            {
                reporter.Verbose($"{group.Key} of {string.Join(", ", group.Select(r => r.Origin))} is also set in {winner.Origin}, to the same value; the environment's record is used.");
            }
        }

        return shadowed.Count == 0 ? records : records.Except(shadowed).ToList();
    }
}
