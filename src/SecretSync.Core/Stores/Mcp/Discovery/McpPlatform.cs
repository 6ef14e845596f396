namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>The operating system whose config locations apply.</summary>
public enum McpPlatform
{
    /// <summary>Linux and other Unix systems.</summary>
    Linux,

    /// <summary>macOS.</summary>
    MacOS,

    /// <summary>Windows.</summary>
    Windows,
}
