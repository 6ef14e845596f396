namespace SecretSync.Emulator.Testing;

/// <summary>What to do to one request: wait, then drop or answer with a status (null = serve normally after the wait).</summary>
internal sealed record FaultAction(int? Status, int? RetryAfter, int DelayMs, bool Drop, string? Message, int? ResetSeconds = null);
