namespace SecretSync.Core.Planning.Sync;

/// <summary>
/// Splits one set of records over several targets. The shared base receives the names its selection picks, from
/// the plain-named records. A configured environment receives the catalogued names its selection picks: its own
/// value (the record named with its source's prefix or suffix) when there is one; otherwise nothing for a name the
/// base carries (it arrives through the import, written once), and the plain-named record for the rest. A target
/// given only as an ESC reference receives every record, as a single-environment sync does.
/// </summary>
public static class MultiEnvironmentInput
{
    /// <summary>
    /// One input per target, the names of records no configured target receives, and the names that are an
    /// environment's source (LINEAR_API_KEY_STAGING: not a secret name of their own, so not held to the convention).
    /// </summary>
    public static (IReadOnlyList<EnvironmentSyncInput> Inputs, IReadOnlyList<string> Unreceived, IReadOnlyCollection<string> SourceNamed) Build(
        ProjectConfig config, IReadOnlyList<EnvironmentTarget> targets, IReadOnlyList<SecretRecord> records, SecretCatalog catalog, bool allowEmpty)
    {
        var byName = records.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<EnvironmentSyncInput>();
        foreach (var target in targets)
        {
            if (!EnvironmentTargets.Configured(config).Contains(target))
            {
                inputs.Add(new EnvironmentSyncInput(target, SyncInput.From(records, catalog, allowEmpty), new Dictionary<string, string>(), null, managesImports: false));
                consumed.UnionWith(byName.Keys);
                continue;
            }

            var chosen = new List<SecretRecord>();
            var sourceNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in target.Secrets.Of(catalog).Where(e => !target.IsShared || config.Shared!.Secrets.Selects(e)))
            {
                consumed.Add(entry.Name);
                var sourceName = target.Source?.NameFor(entry.Name);
                if (sourceName is not null && byName.TryGetValue(sourceName, out var own) && own.Any(r => r.IsSet))
                {
                    consumed.Add(sourceName);
                    sourceNames[entry.Name] = sourceName;
                    chosen.AddRange(own.Select(r => Renamed(r, entry.Name)));
                }
                else if ((target.IsShared || config.Shared is null || !config.Shared.Secrets.Selects(entry)) && byName.TryGetValue(entry.Name, out var plain))
                {
                    chosen.AddRange(plain);
                }
            }

            inputs.Add(new EnvironmentSyncInput(target, SyncInput.From(chosen, catalog, allowEmpty), sourceNames, EnvironmentTargets.RequiredImport(config, target), managesImports: !target.IsShared));
        }

        // A source-named record (LINEAR_API_KEY_DEV) feeds its own environment; when that one is not synced now it is no stray.
        var sourceNamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in EnvironmentTargets.Configured(config).Where(t => t.Source is not null))
        {
            sourceNamed.UnionWith(catalog.Entries.Select(e => target.Source!.NameFor(e.Name)).Where(byName.ContainsKey));
        }

        var unreceived = byName.Keys.Where(n => !consumed.Contains(n) && !sourceNamed.Contains(n) && catalog.Find(n) is null).OrderBy(n => n, StringComparer.Ordinal).ToList();
        return (inputs, unreceived, sourceNamed);
    }

    private static SecretRecord Renamed(SecretRecord record, string name) =>
        new(name, record.SourceKind, $"{record.Origin} ({record.Name})", record.Value) { IsCataloged = true, UpdatedAt = record.UpdatedAt };
}
