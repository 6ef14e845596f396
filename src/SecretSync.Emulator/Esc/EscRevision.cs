namespace SecretSync.Emulator.Esc;

/// <summary>One saved definition: the stored text (secrets as ciphertext), its opaque ETag and when it was made.</summary>
internal sealed record EscRevision(int Number, string Yaml, string ETag, DateTimeOffset Created);
