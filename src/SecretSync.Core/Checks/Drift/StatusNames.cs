using System.Collections.ObjectModel;

namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// <see cref="DriftRecord.Issues"/> as names: a list to ConvertTo-Json, and "ValueMismatch NotInCatalog" as text,
/// which is what Export-Csv writes for a property (it takes the value's ToString, "System.String[]" for an array).
/// </summary>
public sealed class StatusNames : ReadOnlyCollection<string>
{
    internal StatusNames(IEnumerable<DriftStatus> statuses)
        : base(statuses.Select(s => s.ToString()).ToList())
    {
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(" ", this);
}
