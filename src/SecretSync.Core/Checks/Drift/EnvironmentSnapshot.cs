namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// What one open of one environment told Compare: for each exported secret its fingerprint and whether it arrived
/// through the import of the shared base, the revision's time, or why it could not be read.
/// </summary>
public sealed class EnvironmentSnapshot
{
    public EnvironmentSnapshot(EnvironmentTarget target, IReadOnlyDictionary<string, (string Fingerprint, bool Imported)> secrets, DateTimeOffset? revisionCreated, string? failure = null)
    {
        Target = target;
        Secrets = secrets;
        RevisionCreated = revisionCreated;
        Failure = failure;
    }

    public EnvironmentTarget Target { get; }

    /// <summary>Exported secret name to its fingerprint and whether its value came from the shared base.</summary>
    public IReadOnlyDictionary<string, (string Fingerprint, bool Imported)> Secrets { get; }

    /// <summary>When the revision read was written, if ESC said.</summary>
    public DateTimeOffset? RevisionCreated { get; }

    /// <summary>Why the environment could not be read (no values in it), or null.</summary>
    public string? Failure { get; }
}
