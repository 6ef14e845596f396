namespace SecretSync.Core.Plumbing.Text;

/// <summary>
/// Splices computed against one version of a text and applied together in one pass, so every position stays valid
/// and a large file is copied once, not once per edit. Insertions at one position keep a defined order (higher
/// priority first, then as added); overlapping replacements are a bug of the caller and refuse (fail closed).
/// </summary>
internal sealed class TextSplices
{
    private readonly List<(TextSplice Splice, int Sequence)> _splices = new();

    public int Count => _splices.Count;

    public void Add(TextSplice splice) => _splices.Add((splice, _splices.Count));

    public void Replace(int start, int end, string text, int priority = 0) => Add(new TextSplice(start, end, text, priority));

    /// <summary>The text with every splice applied.</summary>
    /// <exception cref="InvalidOperationException">Two splices overlap, or one lies outside the text.</exception>
    public string ApplyTo(string text)
    {
        _splices.Sort((a, b) => a.Splice.Start != b.Splice.Start ? a.Splice.Start.CompareTo(b.Splice.Start)
            : a.Splice.End != b.Splice.End ? a.Splice.End.CompareTo(b.Splice.End)
            : a.Splice.Priority != b.Splice.Priority ? b.Splice.Priority.CompareTo(a.Splice.Priority)
            : a.Sequence.CompareTo(b.Sequence));
        var builder = new StringBuilder(text.Length + 256);
        var cursor = 0;
        foreach (var (splice, _) in _splices)
        {
            if (splice.Start < cursor || splice.End < splice.Start || splice.End > text.Length)
            {
                throw new InvalidOperationException($"overlapping or misplaced edits at offset {splice.Start}; nothing was changed");
            }

            builder.Append(text, cursor, splice.Start - cursor).Append(splice.Text);
            cursor = splice.End;
        }

        return builder.Append(text, cursor, text.Length - cursor).ToString();
    }

    /// <summary>One replacement of [<paramref name="start"/>, <paramref name="end"/>) in <paramref name="text"/>.</summary>
    public static string Apply(string text, int start, int end, string replacement) => Apply(text, [new TextSplice(start, end, replacement)]);

    /// <summary><paramref name="text"/> with all of <paramref name="splices"/> applied (see <see cref="ApplyTo"/>).</summary>
    public static string Apply(string text, IEnumerable<TextSplice> splices)
    {
        var all = new TextSplices();
        foreach (var splice in splices)
        {
            all.Add(splice);
        }

        return all.ApplyTo(text);
    }
}
