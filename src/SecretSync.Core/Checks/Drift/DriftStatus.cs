namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// What is wrong with one secret name across the sources, by severity: a higher number is fixed first, and when
/// several apply the highest becomes <see cref="DriftRecord.Status"/>. Only <see cref="InSync"/> means "nothing to do".
/// </summary>
public enum DriftStatus
{
    /// <summary>Nothing to reconcile (also a catalogued, optional secret that is set nowhere).</summary>
    InSync = 0,

    /// <summary>Found in a source but not in the catalog, so the sync workflow does not carry it.</summary>
    NotInCatalog = 1,

    /// <summary>Asked for by name (-Name without wildcards), not catalogued, and found nowhere.</summary>
    NotFound = 2,

    /// <summary>
    /// With -MaxAge: the value was last changed (GitHub's updated_at, or the ESC revision that last changed it) longer
    /// ago than that: rotate it.
    /// </summary>
    RotationDue = 3,

    /// <summary>In ESC but neither in the process environment nor in the .env files that were read.</summary>
    MissingLocally = 4,

    /// <summary>The readable values (environment, .env, ESC) disagree.</summary>
    ValueMismatch = 5,

    /// <summary>
    /// A .env file that python-dotenv and DotNetEnv 3.0.0 read differently for this key (another value, set by one
    /// only, or a file DotNetEnv rejects): a Python script and a .NET app loading the same file get different values.
    /// </summary>
    DialectMismatch = 6,

    /// <summary>GitHub's secret was updated after the current ESC revision was written: the sync has not run since.</summary>
    Stale = 7,

    /// <summary>Known locally or in GitHub but not in ESC.</summary>
    MissingInEsc = 8,

    /// <summary>
    /// An MCP config references the name, but ESC lacks it, or, when ESC was not read, no local source the client
    /// resolves it from has it (most clients read their own environment, not .env).
    /// </summary>
    UnresolvedReference = 9,

    /// <summary>Not catalogued, but a small edit away from a catalogued name: most likely a typo of it.</summary>
    LikelyTypo = 10,

    /// <summary>The name breaks SERVICE_CREDENTIAL_TYPE: rename it before anything else.</summary>
    InvalidName = 11,

    /// <summary>A catalogued required secret that is set nowhere.</summary>
    MissingRequired = 12,
}
