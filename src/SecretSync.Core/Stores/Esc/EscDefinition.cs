namespace SecretSync.Core.Stores.Esc;

/// <summary>An environment's definition as stored (secrets as ciphertext), with the ETag and revision it was read at.</summary>
public sealed class EscDefinition
{
    public EscDefinition(string yaml, string? etag, long revision)
    {
        Yaml = yaml;
        ETag = etag;
        Revision = revision;
    }

    /// <summary>The YAML text exactly as ESC returned it.</summary>
    public string Yaml { get; }

    /// <summary>The ETag to send back with the PATCH, for optimistic concurrency.</summary>
    public string? ETag { get; }

    /// <summary>The revision this text is.</summary>
    public long Revision { get; }
}
