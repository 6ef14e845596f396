namespace SecretSync.Core.Records.Secrets;

/// <summary>One spelling of a known value to search for: the text, and what a match means.</summary>
internal sealed class KnownValuePattern
{
    public KnownValuePattern(string text, string name, ValueSpelling spelling)
    {
        Text = text;
        Name = name;
        Spelling = spelling;
    }

    public string Text { get; }

    public string Name { get; }

    public ValueSpelling Spelling { get; }

    /// <summary>The pattern text is a secret spelling: show only the name.</summary>
    public override string ToString() => $"{Spelling} {Name}";
}
