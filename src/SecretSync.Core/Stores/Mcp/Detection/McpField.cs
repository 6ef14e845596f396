namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>Which part of a server definition a string belongs to.</summary>
public enum McpField
{
    /// <summary><c>command</c> (or Zed's <c>command.path</c>).</summary>
    Command,

    /// <summary>An element of <c>args</c>.</summary>
    Argument,

    /// <summary>A value of <c>env</c>.</summary>
    Env,

    /// <summary><c>url</c> or <c>serverUrl</c>.</summary>
    Url,

    /// <summary>A value of <c>headers</c> (or <c>requestOptions.headers</c>).</summary>
    Header,

    /// <summary>A string under Zed's extension <c>settings</c>.</summary>
    Setting,
}
