namespace SecretSync.Core.Plumbing.Credentials;

/// <summary>A service needs a token and none was given: the message says which variable to set.</summary>
public sealed class MissingCredentialException : SecretSyncException
{
    public MissingCredentialException(string message)
        : base(message)
    {
    }
}
