namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>Why a string was taken for a secret, strongest first.</summary>
public enum McpMatchKind
{
    /// <summary>It contains the exact value of a known secret.</summary>
    KnownValue,

    /// <summary>It contains a token with a known secret prefix (ghp_, sk-ant-, AKIA...).</summary>
    Prefix,

    /// <summary>It contains a long random-looking token.</summary>
    Entropy,

    /// <summary>Its key, header, flag or query parameter is named like a secret and it holds a literal.</summary>
    KeyName,
}
