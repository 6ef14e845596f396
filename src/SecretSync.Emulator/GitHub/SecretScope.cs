namespace SecretSync.Emulator.GitHub;

/// <summary>The secrets of one org or repository and the key they are sealed to. Guarded by the store's lock.</summary>
internal sealed class SecretScope
{
    public SecretScope(ScopeKey key)
    {
        Key = key;
    }

    public ScopeKey Key { get; }

    /// <summary>GitHub secret names are case-insensitive.</summary>
    public Dictionary<string, SecretEntry> Secrets { get; } = new(StringComparer.OrdinalIgnoreCase);
}
