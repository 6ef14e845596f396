namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>Thresholds of <see cref="McpSecretDetector"/>.</summary>
public sealed class McpDetectionOptions
{
    /// <summary>The defaults documented on each property.</summary>
    public static McpDetectionOptions Default { get; } = new();

    /// <summary>
    /// A known value shorter than this (8) is not matched inside a longer string: short values ("admin", "prod")
    /// occur by chance in commands and URLs, and rewriting them would corrupt the config.
    /// </summary>
    public int MinimumSubstringLength { get; set; } = 8;

    /// <summary>A known value shorter than this (6) is not matched even as a whole string.</summary>
    public int MinimumWholeValueLength { get; set; } = 6;

    /// <summary>Tokens at least this long (20) are checked for entropy.</summary>
    public int EntropyMinimumLength { get; set; } = 20;

    /// <summary>Shannon entropy in bits per character (3.5) from which a token with letters and digits is Suspected.</summary>
    public double EntropyThreshold { get; set; } = 3.5;
}
