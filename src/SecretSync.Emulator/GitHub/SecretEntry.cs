namespace SecretSync.Emulator.GitHub;

/// <summary>
/// A stored secret. The value is kept only as the sealed box the client sent: the emulator never holds plaintext
/// longer than one check or one /_emulator value read.
/// </summary>
internal sealed class SecretEntry
{
    public required string Name { get; init; }

    public required string EncryptedValue { get; set; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Updated { get; set; }

    /// <summary>all | private | selected (org secrets); null for repository secrets.</summary>
    public string? Visibility { get; set; }

    public List<long> SelectedRepositoryIds { get; set; } = [];
}
