namespace SecretSync.Core.Plumbing.Files;

/// <summary>The Unix mode an atomically written file ends up with.</summary>
public enum FileModePolicy
{
    /// <summary>The mode of the file being replaced, or what a new file gets from the umask (configuration without values: templates, workflows).</summary>
    Default,

    /// <summary>The mode of the file being replaced (MCP configs a user may have made 0600); 0600 for a new file.</summary>
    KeepExisting,

    /// <summary>0600 from the moment the file exists (files that hold values).</summary>
    OwnerOnly,
}
