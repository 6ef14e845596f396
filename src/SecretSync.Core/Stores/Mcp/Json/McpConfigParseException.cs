namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>
/// An MCP config file is not valid JSON/JSONC. Carries the 1-based line and column; the message never quotes the
/// file's text (a malformed string may be a secret) and says the file was left unchanged.
/// </summary>
public sealed class McpConfigParseException : FileParseException
{
    public McpConfigParseException(string filePath, int line, int column, string problem, Exception? innerException = null)
        : base(filePath, line, column, problem, innerException)
    {
    }
}
