namespace SecretSync.Core.Stores.Esc;

/// <summary>What an <see cref="EscEdit"/> does.</summary>
public enum EscEditKind
{
    /// <summary>Write the secret at its path and its environment variable reference; record ownership.</summary>
    SetSecret,

    /// <summary>Remove the secret, its environment variable reference and an emptied service map; drop ownership.</summary>
    RemoveSecret,
}
