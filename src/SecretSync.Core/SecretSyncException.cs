namespace SecretSync.Core;

/// <summary>
/// Base of every failure SecretSync.Core reports. Messages name secrets, files and hosts, never values or tokens;
/// the cmdlet layer maps each subclass to one stable ErrorId.
/// </summary>
public class SecretSyncException : Exception
{
    public SecretSyncException(string message)
        : base(message)
    {
    }

    public SecretSyncException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
