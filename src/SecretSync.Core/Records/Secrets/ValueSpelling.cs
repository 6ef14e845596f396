namespace SecretSync.Core.Records.Secrets;

/// <summary>How a secret value is written where it is found: as it is, URL-encoded or inside base64.</summary>
internal enum ValueSpelling
{
    /// <summary>The value itself.</summary>
    AsIs,

    /// <summary>Percent-encoded (upper- or lower-case hex) or form-encoded.</summary>
    UrlEncoded,

    /// <summary>The characters that encode the value inside a longer base64 or base64url text.</summary>
    Base64,
}
