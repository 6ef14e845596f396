namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// Compares the readable values of a name (environment, .env, ESC; GitHub never returns one) by fingerprint, and
/// says which sources hold which value without saying anything about the values themselves.
/// </summary>
internal static class ValueAgreement
{
    public static void Apply(Dictionary<string, DriftFacts> facts, DriftInput input)
    {
        var readable = input.Records
            .Where(r => r.Fingerprint is not null && !r.IsEmpty && r.SourceKind != SecretSource.GitHub && facts.ContainsKey(r.Name))
            .GroupBy(r => r.Name, StringComparer.Ordinal);
        foreach (var group in readable)
        {
            var f = facts[group.Key];
            // A key repeated in one .env file counts once, as its last assignment: that is what loaders keep.
            var records = group
                .Where(r => r.SourceKind != SecretSource.Environment || f.InEnvironment)
                .GroupBy(r => r.SourceKind == SecretSource.DotEnv ? "DotEnv:" + FileOf(r.Origin) : r.SourceKind + ":" + r.Origin, StringComparer.Ordinal)
                .Select(g => g.Last())
                .ToList();
            if (records.Count < 2)
            {
                continue;
            }

            // Groups in a fixed order (environment, .env files, ESC) so the text reads the same on every run.
            var byValue = records
                .OrderBy(r => r.SourceKind == SecretSource.Esc ? 2 : r.SourceKind == SecretSource.DotEnv ? 1 : 0)
                .GroupBy(r => r.Fingerprint!, StringComparer.Ordinal)
                .ToList();
            f.ValuesAgree = byValue.Count == 1;
            if (byValue.Count > 1)
            {
                f.DisagreeingSources = string.Join(" vs ", byValue.Select(g => string.Join(", ", g.Select(r => Label(r, input.DotEnvFileCount)).Distinct(StringComparer.Ordinal))));
                f.EscDisagrees = records.Any(r => r.SourceKind == SecretSource.Esc);
            }
        }
    }

    // With several .env files the file tells which one is off; the origin is "name:line" and names no value.
    private static string Label(SecretRecord record, int dotEnvFileCount)
    {
        if (record.SourceKind != SecretSource.DotEnv || dotEnvFileCount < 2)
        {
            return record.Source.ToString();
        }

        return "DotEnv(" + Path.GetFileName(FileOf(record.Origin)) + ")";
    }

    private static string FileOf(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 ? origin.Substring(0, colon) : origin;
    }
}
