namespace SecretSync.Emulator.Esc.Yaml;

internal sealed class SyntaxMapping : SyntaxNode
{
    public SyntaxMapping(SourceRange range)
        : base(range)
    {
    }

    public List<KeyValuePair<SyntaxScalar, SyntaxNode>> Entries { get; } = [];

    /// <summary>The value of a key inside <c>values</c>: with duplicates (an error there) ESC keeps the first.</summary>
    public SyntaxNode? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    /// <summary>The value of a top-level key of the document: a duplicate is only a warning there, and the last wins.</summary>
    public SyntaxNode? FindLast(string key) => Entries.LastOrDefault(e => e.Key.Value == key).Value;

    /// <summary>A single <c>fn::</c> key makes the mapping a builtin call.</summary>
    public string? BuiltinName =>
        Entries.Count == 1 && Entries[0].Key.Value.StartsWith("fn::", StringComparison.Ordinal) ? Entries[0].Key.Value : null;
}
