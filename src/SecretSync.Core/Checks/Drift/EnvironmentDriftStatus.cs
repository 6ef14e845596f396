namespace SecretSync.Core.Checks.Drift;

/// <summary>One secret name across several environments, by severity (a higher number is fixed first).</summary>
public enum EnvironmentDriftStatus
{
    /// <summary>Every environment that has it holds the same value, and none that should have it lacks it.</summary>
    Same = 0,

    /// <summary>Environments hold different values (expected for a per-environment secret: the cells say which agree).</summary>
    Differs = 1,

    /// <summary>Its GitHub source secret was updated after the ESC revision an environment holds: sync again.</summary>
    Stale = 2,

    /// <summary>An environment that receives it (by secretsync.json, or through the shared base) lacks it.</summary>
    Missing = 3,
}
