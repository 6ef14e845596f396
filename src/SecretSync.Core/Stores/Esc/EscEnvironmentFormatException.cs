namespace SecretSync.Core.Stores.Esc;

/// <summary>The Environment JSON ESC returned (check or open) is not in the documented shape.</summary>
/// <remarks>
/// Never carries the JSON parser's exception: with showSecrets=true the JSON holds plaintext secrets, and the
/// parser's messages may quote the text around the error. Line and position are enough to find the problem.
/// </remarks>
internal class EscEnvironmentFormatException : SecretSyncException
{
    /// <summary>Creates the exception with a message that must not contain values.</summary>
    public EscEnvironmentFormatException(string message)
        : base(message)
    {
    }
}
