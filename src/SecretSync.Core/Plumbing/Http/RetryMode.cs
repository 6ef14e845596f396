namespace SecretSync.Core.Plumbing.Http;

/// <summary>Which failures a request may be retried after.</summary>
internal enum RetryMode
{
    /// <summary>Reads and other idempotent calls: 429, 5xx, dropped connections and timeouts.</summary>
    Idempotent,

    /// <summary>Unconditional writes: only 429 and 503 that carry Retry-After, where the service says it did nothing.</summary>
    ThrottledOnly,

    /// <summary>
    /// Writes guarded by the ETag read before them: as <see cref="Idempotent"/>. A replay of a write that did land
    /// meets a changed ETag and is refused (409), so it can never apply twice or over someone else's change.
    /// </summary>
    ConditionalWrite,
}
