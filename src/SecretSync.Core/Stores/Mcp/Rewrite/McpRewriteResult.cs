namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>The outcome of a rewrite: the new text (identical to the input when nothing changed) and the findings.</summary>
public sealed class McpRewriteResult
{
    internal McpRewriteResult(string text, bool changed, IReadOnlyList<McpFinding> findings)
    {
        Text = text;
        Changed = changed;
        Findings = findings;
    }

    /// <summary>The text to write (holds secrets only where they were left in place).</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> differs from the input: only then write the file.</summary>
    public bool Changed { get; }

    /// <summary>One finding per secret or reference, in document order.</summary>
    public IReadOnlyList<McpFinding> Findings { get; }

    /// <summary>Counts only: the text may hold secrets.</summary>
    public override string ToString() => $"{Findings.Count} findings, changed: {Changed}";
}
