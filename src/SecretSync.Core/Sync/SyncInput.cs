using System.Collections.Generic;
using System.Linq;
using SecretSync.Core.Catalog;
using SecretSync.Core.Esc;
using SecretSync.Core.Naming;
using SecretSync.Core.Secrets;

namespace SecretSync.Core.Sync;

/// <summary>
/// Turns pipeline records into the secrets to write: records without a value are set aside, a name given twice
/// keeps the last record (and notes which origins disagreed, by fingerprint, never by value), and names that
/// break the convention are set aside with the reason.
/// </summary>
public sealed class SyncInput
{
    private SyncInput(List<EscDesiredSecret> desired, Dictionary<string, SecretRecord> records, List<string> withoutValue, List<(string Name, string Origins)> disagreements, List<(SecretRecord Record, string Reason)> invalid)
    {
        Desired = desired;
        RecordsByName = records;
        WithoutValue = withoutValue;
        Disagreements = disagreements;
        Invalid = invalid;
    }

    /// <summary>What to write, one per name.</summary>
    public IReadOnlyList<EscDesiredSecret> Desired { get; }

    /// <summary>The record each desired secret came from.</summary>
    public IReadOnlyDictionary<string, SecretRecord> RecordsByName { get; }

    /// <summary>Names of records that carried no value (GitHub inventory).</summary>
    public IReadOnlyList<string> WithoutValue { get; }

    /// <summary>Names given more than once with different values, and the origins involved.</summary>
    public IReadOnlyList<(string Name, string Origins)> Disagreements { get; }

    /// <summary>Records whose name breaks the convention, with the reason.</summary>
    public IReadOnlyList<(SecretRecord Record, string Reason)> Invalid { get; }

    /// <summary>Builds the input from <paramref name="records"/> in pipeline order.</summary>
    public static SyncInput From(IEnumerable<SecretRecord> records, SecretCatalog catalog)
    {
        var byName = new Dictionary<string, SecretRecord>();
        var order = new List<string>();
        var origins = new Dictionary<string, List<SecretRecord>>();
        var withoutValue = new List<string>();
        var invalid = new List<(SecretRecord, string)>();
        foreach (var record in records)
        {
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
        var desired = order.Select(name => new EscDesiredSecret(name, catalog.EscPathOf(name)!, byName[name].RevealValue()!)).ToList();
        return new SyncInput(desired, byName, withoutValue, disagreements, invalid);
    }
}
