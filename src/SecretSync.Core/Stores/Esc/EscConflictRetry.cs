namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// How a writer meets ESC's 409 (someone wrote between its read and its PATCH with the ETag): read, plan and write
/// again, this many times in all, before the conflict becomes an error. A sync and the push ledger share it.
/// </summary>
internal static class EscConflictRetry
{
    /// <summary>Attempts in all, the first included.</summary>
    public const int MaxAttempts = 12;
}
