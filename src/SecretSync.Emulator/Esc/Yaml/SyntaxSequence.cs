namespace SecretSync.Emulator.Esc.Yaml;

internal sealed class SyntaxSequence : SyntaxNode
{
    public SyntaxSequence(SourceRange range)
        : base(range)
    {
    }

    public List<SyntaxNode> Items { get; } = [];
}
