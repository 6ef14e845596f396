using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Stores.Mcp.Rewrite;

namespace SecretSync.Writing;

/// <summary>The planned rewrite of one MCP config: the new text and findings, and the bytes as read (for -Backup and the change check).</summary>
internal sealed class McpRewrite
{
    public McpRewrite(McpRewriteResult result, byte[] original, FileSnapshot readAs)
    {
        Result = result;
        Original = original;
        ReadAs = readAs;
    }

    public McpRewriteResult Result { get; }

    public byte[] Original { get; }

    public FileSnapshot ReadAs { get; }
}
