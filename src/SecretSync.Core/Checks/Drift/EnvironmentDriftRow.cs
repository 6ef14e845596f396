namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// One secret name across environments: a status and one cell per environment. A cell is a value group letter
/// (environments with the same letter hold the same value; values and fingerprints never appear), with
/// "(shared)" when the value arrives through the import of the shared base and "(stale)" when its GitHub source
/// changed after that revision; "missing" where it should be and is not; "-" where it is neither expected nor set;
/// "?" where the environment could not be read.
/// </summary>
public sealed class EnvironmentDriftRow
{
    public EnvironmentDriftRow(string name, EnvironmentDriftStatus status, IReadOnlyList<KeyValuePair<string, string>> cells)
    {
        Name = name;
        Status = status;
        Cells = cells;
    }

    public string Name { get; }

    public EnvironmentDriftStatus Status { get; }

    /// <summary>Environment name to cell, in the order the environments were given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Cells { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Status}";
}
