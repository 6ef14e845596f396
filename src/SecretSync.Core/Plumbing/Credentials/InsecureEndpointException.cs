namespace SecretSync.Core.Plumbing.Credentials;

/// <summary>An endpoint would carry the token in clear text (plain http off this machine) and was not allowed to.</summary>
public sealed class InsecureEndpointException : SecretSyncException
{
    public InsecureEndpointException(string message)
        : base(message)
    {
    }
}
