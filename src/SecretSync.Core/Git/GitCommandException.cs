using System;

namespace SecretSync.Core.Git;

/// <summary>git ran but failed in a way that leaves the answer unknown (not "not a repository").</summary>
public sealed class GitCommandException : SecretSyncException
{
    public GitCommandException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
