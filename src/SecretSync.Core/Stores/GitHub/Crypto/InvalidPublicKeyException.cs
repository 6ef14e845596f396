namespace SecretSync.Core.Stores.GitHub.Crypto;

/// <summary>
/// The public key to seal a secret for is not a usable X25519 key (wrong length, not base64, or a low-order
/// point). The message describes the key, never the secret being sealed.
/// </summary>
internal sealed class InvalidPublicKeyException : SecretSyncException
{
    public InvalidPublicKeyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
