namespace SecretSync.Core.Stores.Esc;

/// <summary>ESC answered 409: the environment changed since it was read (stale ETag), or it already exists.</summary>
public sealed class EscConflictException : ServiceException
{
    public EscConflictException(string host, string message)
        : base("Pulumi ESC", host, HttpStatusCode.Conflict, message)
    {
    }
}
