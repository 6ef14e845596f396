namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// Compare across environments: one row per secret name, one cell per environment (see <see cref="EnvironmentDriftRow"/>).
/// An environment of secretsync.json expects the names it selects and, when it imports the shared base, the names
/// the base selects; the base expects its own. An environment given only as a reference expects nothing, so its
/// cells only say what is there. Pure: the same snapshots give the same table.
/// </summary>
public static class EnvironmentDriftTable
{
    public const string MissingCell = "missing";
    public const string AbsentCell = "-";
    public const string UnreadableCell = "?";

    /// <param name="config">secretsync.json, for what each environment expects.</param>
    /// <param name="catalog">The catalog (names, GitHub names).</param>
    /// <param name="snapshots">One per environment, in column order.</param>
    /// <param name="gitHubUpdated">GitHub secret to its updated_at (by catalog name, aliases mapped back), when GitHub was read; else null (nothing is Stale).</param>
    /// <param name="nameFilter">Which names to report; all when null.</param>
    public static IReadOnlyList<EnvironmentDriftRow> Build(ProjectConfig config, SecretCatalog catalog, IReadOnlyList<EnvironmentSnapshot> snapshots, IReadOnlyDictionary<string, DateTimeOffset>? gitHubUpdated, Func<string, bool>? nameFilter = null)
    {
        var configured = EnvironmentTargets.Configured(config);
        var shared = snapshots.FirstOrDefault(s => s.Target.IsShared);
        var names = catalog.Entries.Where(e => snapshots.Any(s => Expects(config, configured, s.Target, e))).Select(e => e.Name)
            .Concat(snapshots.SelectMany(s => s.Secrets.Keys).OrderBy(n => n, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(n => nameFilter is null || nameFilter(n))
            .ToList();

        var rows = new List<EnvironmentDriftRow>();
        foreach (var name in names)
        {
            var entry = catalog.Find(name);
            var letters = new Dictionary<string, char>(StringComparer.Ordinal);
            var cells = new List<KeyValuePair<string, string>>();
            var (missing, stale) = (false, false);
            foreach (var snapshot in snapshots)
            {
                string cell;
                if (snapshot.Failure is not null)
                {
                    cell = UnreadableCell;
                }
                else if (snapshot.Secrets.TryGetValue(name, out var held))
                {
                    if (!letters.TryGetValue(held.Fingerprint, out var letter))
                    {
                        letter = (char)('A' + Math.Min(letters.Count, 25));
                        letters[held.Fingerprint] = letter;
                    }

                    var written = held.Imported ? shared?.RevisionCreated : snapshot.RevisionCreated;
                    var isStale = IsStale(snapshot.Target, name, written, gitHubUpdated);
                    stale |= isStale;
                    cell = letter + (held.Imported ? " (shared)" : string.Empty) + (isStale ? " (stale)" : string.Empty);
                }
                else if (entry is not null && Expects(config, configured, snapshot.Target, entry))
                {
                    missing = true;
                    cell = MissingCell;
                }
                else
                {
                    cell = AbsentCell;
                }

                cells.Add(new KeyValuePair<string, string>(snapshot.Target.Name, cell));
            }

            var status = missing ? EnvironmentDriftStatus.Missing
                : stale ? EnvironmentDriftStatus.Stale
                : letters.Count > 1 ? EnvironmentDriftStatus.Differs
                : EnvironmentDriftStatus.Same;
            rows.Add(new EnvironmentDriftRow(name, status, cells));
        }

        return rows;
    }

    private static bool Expects(ProjectConfig config, IReadOnlyList<EnvironmentTarget> configured, EnvironmentTarget target, CatalogEntry entry) =>
        configured.Contains(target)
        && (target.Secrets.Selects(entry) && (!target.IsShared || config.Shared!.Secrets.Selects(entry))
            || (!target.IsShared && config.Shared is { } shared && shared.Secrets.Selects(entry)));

    /// <summary>True when the GitHub secret the environment's value comes from changed after the revision holding it was written.</summary>
    private static bool IsStale(EnvironmentTarget target, string name, DateTimeOffset? written, IReadOnlyDictionary<string, DateTimeOffset>? gitHubUpdated)
    {
        if (gitHubUpdated is null || written is null)
        {
            return false;
        }

        var own = target.Source?.NameFor(name);
        var source = own is not null && gitHubUpdated.ContainsKey(own) ? own : name;
        return gitHubUpdated.TryGetValue(source, out var updated) && updated > written;
    }
}
