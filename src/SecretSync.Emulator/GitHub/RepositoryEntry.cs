namespace SecretSync.Emulator.GitHub;

/// <summary>A repository: stable numeric id, its secrets and the workflows that have been mentioned.</summary>
internal sealed class RepositoryEntry
{
    public required long Id { get; init; }

    public required string Owner { get; init; }

    public required string Name { get; init; }

    public required SecretScope Secrets { get; init; }

    /// <summary>Workflow file name → numeric workflow id.</summary>
    public Dictionary<string, long> Workflows { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string FullName => $"{Owner}/{Name}";
}
