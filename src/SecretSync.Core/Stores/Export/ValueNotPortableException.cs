namespace SecretSync.Core.Stores.Export;

/// <summary>
/// A value that no .env spelling makes python-dotenv and DotNetEnv both read back exactly. The message names the
/// secret and the reason, never the value.
/// </summary>
public sealed class ValueNotPortableException : SecretSyncException
{
    public ValueNotPortableException(string name, string reason)
        : base($"{name} was not written: its value {reason}. Export it with -Format Json or GitHubEnv, or change the value.")
    {
        Name = name;
        Reason = reason;
    }

    /// <summary>The secret's name.</summary>
    public string Name { get; }

    /// <summary>Why the value cannot be written (names characters, never quotes the value).</summary>
    public string Reason { get; }
}
