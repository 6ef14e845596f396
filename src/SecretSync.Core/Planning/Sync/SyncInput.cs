using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Planning.Sync;

/// <summary>
/// Turns pipeline records into the secrets to write: records without a value are set aside, a name given twice
/// keeps the last record (and notes which origins disagreed, by fingerprint, never by value), names that
/// break the convention are set aside with the reason, and so are values no UTF-8 text can carry. An empty value is
/// "not set": it is set aside as missing and planned as <see cref="EscDesiredSecret.KeepCurrent"/> (ESC keeps its
/// value, -Prune spares it), unless empty values are allowed. A name set by one record is not unset by an empty one.
/// </summary>
public sealed class SyncInput
{
    private SyncInput(List<EscDesiredSecret> desired, Dictionary<string, SecretRecord> records, List<string> withoutValue, List<(string Name, string Origins)> disagreements, List<(SecretRecord Record, string Reason)> invalid, List<string> empty, List<SecretRecord> unrepresentable)
    {
        Unrepresentable = unrepresentable;
        Desired = desired;
        Empty = empty;
        RecordsByName = records;
        WithoutValue = withoutValue;
        Disagreements = disagreements;
        Invalid = invalid;
    }

    /// <summary>What to plan, one per name (names given only empty are <see cref="EscDesiredSecret.KeepCurrent"/>).</summary>
    public IReadOnlyList<EscDesiredSecret> Desired { get; }

    /// <summary>How many of <see cref="Desired"/> carry a value to write.</summary>
    public int WriteCount => Desired.Count(d => !d.KeepsCurrent);

    /// <summary>Names given only with an empty value: not set, so not written (reported as missing).</summary>
    public IReadOnlyList<string> Empty { get; }

    /// <summary>The record each desired secret came from.</summary>
    public IReadOnlyDictionary<string, SecretRecord> RecordsByName { get; }

    /// <summary>Names of records that carried no value (GitHub inventory).</summary>
    public IReadOnlyList<string> WithoutValue { get; }

    /// <summary>Names given more than once with different values, and the origins involved.</summary>
    public IReadOnlyList<(string Name, string Origins)> Disagreements { get; }

    /// <summary>Records whose name breaks the convention, with the reason.</summary>
    public IReadOnlyList<(SecretRecord Record, string Reason)> Invalid { get; }

    /// <summary>
    /// Records whose value holds an unpaired UTF-16 surrogate: UTF-8 (and so YAML, JSON and ESC) has no form for it,
    /// and any encoder would silently write U+FFFD instead, a different secret.
    /// </summary>
    public IReadOnlyList<SecretRecord> Unrepresentable { get; }

    /// <summary>Builds the input from <paramref name="records"/> in pipeline order.</summary>
    public static SyncInput From(IEnumerable<SecretRecord> records, SecretCatalog catalog, bool allowEmpty = false)
    {
        var byName = new Dictionary<string, SecretRecord>();
        var order = new List<string>();
        var origins = new Dictionary<string, List<SecretRecord>>();
        var withoutValue = new List<string>();
        var invalid = new List<(SecretRecord, string)>();
        var empty = new List<string>();
        var unrepresentable = new List<SecretRecord>();
        foreach (var record in records)
        {
            if (record.IsEmpty && !allowEmpty)
            {
                if (catalog.EscPathOf(record.Name) is not null && !empty.Contains(record.Name))
                {
                    empty.Add(record.Name);
                }

                continue;
            }

            if (!record.HasValue)
            {
                withoutValue.Add(record.Name);
                continue;
            }

            var path = catalog.EscPathOf(record.Name);
            if (path is null)
            {
                invalid.Add((record, NameAdvice.Check(record.Name, catalog).Reason ?? "the name breaks the naming convention"));
                continue;
            }

            if (YamlScalarText.HasLoneSurrogate(record.RevealValue()!))
            {
                unrepresentable.Add(record);
                continue;
            }

            if (!byName.ContainsKey(record.Name))
            {
                order.Add(record.Name);
                origins[record.Name] = [];
            }

            byName[record.Name] = record;
            origins[record.Name].Add(record);
        }

        var disagreements = origins
            .Where(p => p.Value.Select(r => r.Fingerprint).Distinct().Count() > 1)
            .Select(p => (p.Key, string.Join(", ", p.Value.Select(r => r.Origin))))
            .ToList();
        empty.RemoveAll(byName.ContainsKey);
        var desired = order.Select(name => new EscDesiredSecret(name, catalog.EscPathOf(name)!, byName[name].RevealValue()!))
            .Concat(empty.Select(name => EscDesiredSecret.KeepCurrent(name, catalog.EscPathOf(name)!)))
            .ToList();
        return new SyncInput(desired, byName, withoutValue, disagreements, invalid, empty, unrepresentable);
    }
}
