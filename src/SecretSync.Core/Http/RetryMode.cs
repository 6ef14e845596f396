namespace SecretSync.Core.Http;

/// <summary>Which failures a request may be retried after.</summary>
public enum RetryMode
{
    /// <summary>Reads and other idempotent calls: 429, 5xx, dropped connections and timeouts.</summary>
    Idempotent,

    /// <summary>Writes: only 429 and 503 that carry Retry-After, where the service says it did nothing.</summary>
    ThrottledOnly,
}
