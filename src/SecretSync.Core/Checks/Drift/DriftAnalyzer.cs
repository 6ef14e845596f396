namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// Judges every name of the catalog and the sources (pure: no I/O). Names: the catalog, GitHub, ESC, MCP references,
/// names asked for, and .env keys that are catalogued, known elsewhere or match the patterns; a process environment
/// variable counts only for a name known otherwise (the shell holds the whole machine's tokens, not the project's).
/// </summary>
public static class DriftAnalyzer
{
    /// <summary>One record per name, most severe first, then by name.</summary>
    public static IReadOnlyList<DriftRecord> Analyze(DriftInput input)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        var facts = Gather(input);
        var keep = input.NameFilter ?? (_ => true);
        var known = new HashSet<string>(facts.Keys.Concat(input.Records.Select(r => r.Name)), StringComparer.Ordinal);
        return facts.Values
            .Where(f => keep(f.Name))
            .Select(f => Judge(f, input, known))
            .OrderByDescending(r => r.StatusKind)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, DriftFacts> Gather(DriftInput input)
    {
        var facts = new Dictionary<string, DriftFacts>(StringComparer.Ordinal);
        DriftFacts Get(string name) => facts.TryGetValue(name, out var f) ? f : facts[name] = new DriftFacts(name, input.Catalog);

        foreach (var entry in input.Catalog.Entries)
        {
            Get(entry.Name);
        }

        foreach (var record in input.Records.Where(r => r.SourceKind == SecretSource.GitHub))
        {
            var f = Get(record.Name);
            f.InGitHub = true;
            f.GitHubUpdatedAt = Later(f.GitHubUpdatedAt, record.UpdatedAt);
        }

        foreach (var record in input.Records.Where(r => r.SourceKind == SecretSource.Esc))
        {
            Get(record.Name).InEsc = true;
        }

        foreach (var reference in input.McpReferences)
        {
            Get(reference.Name).References.Add(reference);
        }

        foreach (var name in input.RequestedNames)
        {
            Get(name).Requested = true;
        }

        var patterns = new NamePatternSet(input.Patterns);
        // An empty value (NAME= from a template) is not set: it counts as missing, not as present.
        foreach (var record in input.Records.Where(r => r.SourceKind == SecretSource.DotEnv && !r.IsEmpty && (facts.ContainsKey(r.Name) || patterns.IsMatch(r.Name) || NameAdvice.LikelyTypoOf(r.Name, input.Catalog) is not null)))
        {
            Get(record.Name).InDotEnv = true;
        }

        foreach (var difference in input.DotEnvDialectDifferences.Where(d => facts.ContainsKey(d.Key)))
        {
            facts[difference.Key].DialectDifference ??= difference;
        }

        foreach (var record in input.Records.Where(r => r.SourceKind == SecretSource.Environment && !r.IsEmpty && facts.ContainsKey(r.Name)))
        {
            facts[record.Name].InEnvironment = true;
        }

        foreach (var f in facts.Values)
        {
            f.InGitHub = input.GitHubRead ? f.InGitHub ?? false : null;
            f.InEsc = input.EscRead ? f.InEsc ?? false : null;
        }

        ValueAgreement.Apply(facts, input);
        return facts;
    }

    private static DriftRecord Judge(DriftFacts f, DriftInput input, HashSet<string> known)
    {
        var issues = Issues(f, input);
        if (issues.Count > 0)
        {
            f.Nearest = NearestName.Find(f.Name, known);
        }

        var hint = issues.Count > 0
            ? DriftHints.For(issues[0], f, input) + (issues.Count > 1 ? ". Also: " + string.Join("; ", issues.Skip(1).Select(i => Also(i, issues[0], f, input))) + "." : string.Empty)
            : f.Entry is not null && !f.FoundAnywhere ? "Optional; set nowhere checked." : null;
        return new DriftRecord(f.Name, issues, hint)
        {
            InCatalog = f.Entry is not null,
            Required = f.Required,
            InEnvironment = f.InEnvironment,
            InDotEnv = f.InDotEnv,
            InGitHub = f.InGitHub,
            InEsc = f.InEsc,
            ReferencedBy = f.References.Select(r => r.FilePath).Distinct(StringComparer.Ordinal).ToList(),
            Sources = DriftSources.Of(f),
            ValuesAgree = f.ValuesAgree,
            DisagreeingSources = f.DisagreeingSources,
            GitHubUpdatedAt = f.GitHubUpdatedAt,
            EscRevision = input.EscRead ? input.EscRevision : null,
            EscRevisionCreatedAt = input.EscRead ? input.EscRevisionCreatedAt : null,
            SuggestedName = f.LikelyTypoOf ?? (f.HasValidName ? null : f.Check?.SuggestedName),
        };
    }

    private static List<DriftStatus> Issues(DriftFacts f, DriftInput input)
    {
        var issues = new List<DriftStatus>();
        Add(issues, DriftStatus.MissingRequired, f.Required && !f.FoundAnywhere);
        Add(issues, DriftStatus.InvalidName, !f.HasValidName);
        Add(issues, DriftStatus.LikelyTypo, f.LikelyTypoOf is not null);
        Add(issues, DriftStatus.UnresolvedReference, f.References.Count > 0 && (f.InEsc == false || (f.InEsc is null && !f.ReferencesResolveLocally)));
        Add(issues, DriftStatus.MissingInEsc, f.InEsc == false && (f.IsLocal || f.InGitHub == true));
        Add(issues, DriftStatus.Stale, f.InGitHub == true && f.InEsc == true && (input.ChangedInGitHubAfterPush.ContainsKey(f.Name)
            || (f.GitHubUpdatedAt is { } updated && input.EscRevisionCreatedAt is { } written && updated > written && !input.PushedFromEsc.Contains(f.Name))));
        Add(issues, DriftStatus.DialectMismatch, f.DialectDifference is not null);
        Add(issues, DriftStatus.ValueMismatch, f.ValuesAgree == false);
        Add(issues, DriftStatus.MissingLocally, f.InEsc == true && !f.IsLocal && input.DotEnvFileCount > 0);
        Add(issues, DriftStatus.RotationDue, input.AgeCutoff is { } cutoff
            && ((f.InEsc == true && input.EscUnchangedSince.ContainsKey(f.Name)) || (f.InGitHub == true && f.GitHubUpdatedAt < cutoff)));
        var notFound = f.Requested && f.Entry is null && f.HasValidName && !f.FoundAnywhere && f.References.Count == 0;
        Add(issues, DriftStatus.NotFound, notFound);
        Add(issues, DriftStatus.NotInCatalog, f.Entry is null && f.HasValidName && !notFound);
        return issues;
    }

    // Each other issue with its own command, unless the name itself is wrong: then every other command would act on
    // the wrong name, so only the issue is named until the rename is done.
    private static string Also(DriftStatus issue, DriftStatus first, DriftFacts f, DriftInput input) =>
        first is DriftStatus.LikelyTypo or DriftStatus.InvalidName ? issue.ToString() : $"{issue}: {DriftHints.For(issue, f, input)}";

    private static void Add(List<DriftStatus> issues, DriftStatus status, bool applies)
    {
        if (applies)
        {
            issues.Add(status);
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
