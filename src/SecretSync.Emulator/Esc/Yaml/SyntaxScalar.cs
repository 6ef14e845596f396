using YamlDotNet.Core;

namespace SecretSync.Emulator.Esc.Yaml;

internal sealed class SyntaxScalar : SyntaxNode
{
    public SyntaxScalar(SourceRange range, string value, ScalarStyle style, bool hasTag)
        : base(range)
    {
        Value = value;
        Style = style;
        HasTag = hasTag;
    }

    /// <summary>The YAML string value: quotes and escapes resolved, ESC's <c>$$</c> escapes not yet.</summary>
    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool HasTag { get; }

    /// <summary>Plain untagged scalars follow the YAML core schema (null, bool, numbers); everything else is a string.</summary>
    public bool IsPlain => Style == ScalarStyle.Plain && !HasTag;
}
