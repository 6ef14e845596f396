namespace SecretSync.Core.Checks.Leaks;

/// <summary>What kind of leak a finding is.</summary>
public enum LeakKind
{
    /// <summary>A known secret value, verbatim.</summary>
    KnownValue,

    /// <summary>A known secret value, base64-encoded (standard or URL-safe alphabet, any alignment).</summary>
    KnownValueBase64,

    /// <summary>A known secret value, percent-encoded as in a URL or form.</summary>
    KnownValueUrlEncoded,

    /// <summary>A .env file that git tracks (templates and examples excepted).</summary>
    TrackedDotEnv,

    /// <summary>A literal credential in an MCP client config instead of a <c>${NAME}</c> reference.</summary>
    HardcodedInMcpConfig,
}
