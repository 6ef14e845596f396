using SecretSync.Core.Plumbing.Git;
using SecretSync.Core.Stores.Mcp.Rewrite;

namespace SecretSync;

/// <summary>A rewrite removes a hard-coded secret from the file, not from git history: the user is told to rotate it.</summary>
internal static class McpTrackedFileWarning
{
    public static void WarnIfTracked(Cmdlet cmdlet, string path, IReadOnlyList<McpFinding> findings)
    {
        var names = findings.Where(f => f.ActionKind is McpAction.Rewritten or McpAction.WouldRewrite or McpAction.Unsupported).Select(f => f.Name).Distinct().ToList();
        if (names.Count == 0)
        {
            return;
        }

        try
        {
            if (GitRepository.IsTrackedAnywhere(path))
            {
                cmdlet.WriteWarning($"{path} is tracked by git: the hard-coded value is in its history, which a rewrite does not change. Rotate {string.Join(", ", names)}.");
            }
        }
        catch (GitCommandException e)
        {
            cmdlet.WriteWarning($"Cannot tell whether git tracks {path} ({e.Message}). If it does, the hard-coded value is in its history: rotate {string.Join(", ", names)}.");
        }
    }
}
