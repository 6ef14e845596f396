namespace SecretSync.Core.Plumbing.Credentials;

/// <summary>
/// A value longer than a SecureString can hold (65,536 characters): values travel as SecureString, so such a value
/// cannot be carried at all. The message names the secret when known and the length, never the value.
/// </summary>
public sealed class SecretValueTooLongException : SecretSyncException
{
    /// <summary>Creates the exception for a value of <paramref name="length"/> characters of secret <paramref name="name"/> (null when unknown).</summary>
    public SecretValueTooLongException(string? name, int length, Exception? innerException = null)
        : base(Describe(name, length), innerException)
    {
        SecretName = name;
        Length = length;
    }

    /// <summary>The secret whose value is too long, when known.</summary>
    public string? SecretName { get; }

    /// <summary>The value's length in characters.</summary>
    public int Length { get; }

    private static string Describe(string? name, int length) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0}the value is {1:N0} characters, more than the {2:N0} a SecureString holds, so SecretSync cannot carry it. Keep a value this large in a file and store its path, or split it into several secrets.",
            name is null ? string.Empty : name + ": ",
            length,
            SecureStrings.MaxLength);
}
