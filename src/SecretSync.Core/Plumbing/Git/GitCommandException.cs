namespace SecretSync.Core.Plumbing.Git;

/// <summary>git could not answer (not installed, refused the repository, or failed): the answer is unknown, which is not "not a repository".</summary>
public sealed class GitCommandException : SecretSyncException
{
    public GitCommandException(string message, GitFailure failure = GitFailure.Failed, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Why git could not answer.</summary>
    public GitFailure Failure { get; }
}
