namespace SecretSync.Core.Checks.Leaks;

/// <summary>One spelling of a known value to search for: the text, and what a match means.</summary>
internal sealed class KnownValuePattern
{
    public KnownValuePattern(string text, string name, LeakKind kind)
    {
        Text = text;
        Name = name;
        Kind = kind;
    }

    public string Text { get; }

    public string Name { get; }

    public LeakKind Kind { get; }

    /// <summary>The pattern text is a secret spelling: show only the name.</summary>
    public override string ToString() => $"{Kind} {Name}";
}
