namespace SecretSync.Emulator.Esc.Yaml;

/// <summary>A YAML node with its exact source span, kept so that saving can splice text instead of re-emitting it.</summary>
internal abstract class SyntaxNode
{
    protected SyntaxNode(SourceRange range)
    {
        Range = range;
    }

    public SourceRange Range { get; set; }
}
