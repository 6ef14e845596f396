namespace SecretSync.Core.Stores.Mcp.Discovery;

/// <summary>Where a client keeps a config: in the project (repository) or in the user's profile.</summary>
public enum McpScope
{
    /// <summary>A file inside the project directory, usually committed.</summary>
    Project,

    /// <summary>A file in the user's home or application-data directory.</summary>
    User,
}
