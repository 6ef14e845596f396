namespace SecretSync.Core;

/// <summary>
/// A failure about one file (or command) that the message names: the cmdlets put <see cref="FilePath"/> on the error
/// record as its target, whatever the failure was.
/// </summary>
public abstract class FileException : SecretSyncException
{
    protected FileException(string filePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file (or command) concerned.</summary>
    public string FilePath { get; }
}
