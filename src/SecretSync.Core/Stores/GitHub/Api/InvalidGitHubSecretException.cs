namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>A secret GitHub would refuse (its name, or a value over 48 KB): refused before any request.</summary>
public sealed class InvalidGitHubSecretException : SecretSyncException
{
    public InvalidGitHubSecretException(string name, bool isTooLarge, string message)
        : base(message)
    {
        Name = name;
        IsTooLarge = isTooLarge;
    }

    /// <summary>The catalog name of the secret.</summary>
    public string Name { get; }

    /// <summary>True when the value is too large; false when the name is refused.</summary>
    public bool IsTooLarge { get; }
}
