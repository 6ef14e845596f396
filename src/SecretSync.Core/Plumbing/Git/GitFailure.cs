namespace SecretSync.Core.Plumbing.Git;

/// <summary>Why git could not answer a question about a file.</summary>
public enum GitFailure
{
    /// <summary>git ran and failed (or its output made no sense).</summary>
    Failed,

    /// <summary>git is not installed, or not on PATH.</summary>
    NotInstalled,

    /// <summary>git refuses the repository because another user owns it (safe.directory).</summary>
    DubiousOwnership,
}
