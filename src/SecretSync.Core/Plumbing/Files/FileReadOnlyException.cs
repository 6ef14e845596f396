namespace SecretSync.Core.Plumbing.Files;

/// <summary>The file to replace is read-only: its owner protected it, and a rename would silently get around that.</summary>
public sealed class FileReadOnlyException : FileException
{
    public FileReadOnlyException(string filePath)
        : base(filePath, $"{filePath} is read-only, so SecretSync leaves it as it is. If it should change, make it writable (chmod u+w '{filePath}', or clear its read-only attribute) and run again.")
    {
    }
}
