namespace SecretSync.Core.Plumbing.Files;

/// <summary>The file changed between SecretSync reading it and replacing it: writing now would lose that edit.</summary>
public sealed class FileChangedException : FileException
{
    public FileChangedException(string filePath)
        : base(filePath, $"{filePath} changed while SecretSync was updating it (another program saved it in between). Nothing was written: the file keeps that edit. Run the command again.")
    {
    }
}
