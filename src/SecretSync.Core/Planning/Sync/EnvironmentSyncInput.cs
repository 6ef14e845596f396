namespace SecretSync.Core.Planning.Sync;

/// <summary>What one target of a multi-environment sync receives: its secrets, where each value came from, its import.</summary>
public sealed class EnvironmentSyncInput
{
    public EnvironmentSyncInput(EnvironmentTarget target, SyncInput input, IReadOnlyDictionary<string, string> sourceNames, string? import, bool managesImports)
    {
        Target = target;
        Input = input;
        SourceNames = sourceNames;
        Import = import;
        ManagesImports = managesImports;
    }

    public EnvironmentTarget Target { get; }

    /// <summary>The secrets to write into the target, by catalogued name.</summary>
    public SyncInput Input { get; }

    /// <summary>Catalogued name to the record name its value came from, where they differ (LINEAR_API_KEY → LINEAR_API_KEY_STAGING).</summary>
    public IReadOnlyDictionary<string, string> SourceNames { get; }

    /// <summary>The base the target must import (<c>project/env</c>), or null.</summary>
    public string? Import { get; }

    /// <summary>True for an environment of secretsync.json: an import SecretSync added and no longer needs is removed.</summary>
    public bool ManagesImports { get; }
}
