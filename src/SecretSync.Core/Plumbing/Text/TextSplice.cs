namespace SecretSync.Core.Plumbing.Text;

/// <summary>
/// Replace the characters [<see cref="Start"/>, <see cref="End"/>) of a text by <see cref="Text"/> (an insertion
/// when they are equal). Of insertions at one position, the higher <see cref="Priority"/> lands first.
/// </summary>
internal readonly struct TextSplice
{
    public TextSplice(int start, int end, string text, int priority = 0)
    {
        Start = start;
        End = end;
        Text = text;
        Priority = priority;
    }

    public int Start { get; }

    public int End { get; }

    public string Text { get; }

    public int Priority { get; }
}
