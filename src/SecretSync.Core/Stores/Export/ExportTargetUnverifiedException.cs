using SecretSync.Core.Plumbing.Git;

namespace SecretSync.Core.Stores.Export;

/// <summary>git could not say whether a file that would receive values can be committed, so it is refused.</summary>
public sealed class ExportTargetUnverifiedException : FileException
{
    public ExportTargetUnverifiedException(string filePath, GitCommandException innerException, string @override = "use -Force")
        : base(filePath, $"Cannot tell whether {filePath} could be committed, so no value is written there: {innerException.Message} Fix that, or {@override} if the file is safe.", innerException)
    {
        Failure = innerException.Failure;
    }

    /// <summary>Why git could not answer.</summary>
    public GitFailure Failure { get; }
}
