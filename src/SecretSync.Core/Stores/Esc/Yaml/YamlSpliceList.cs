using System.Collections.Generic;
using System.Text;

namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// Text replacements computed against one version of a text and applied together, so every position stays
/// valid. Insertions at the same position keep a defined order: deeper mappings first (their new keys end them),
/// then in the order they were added.
/// </summary>
internal sealed class YamlSpliceList
{
    private readonly List<Splice> _splices = new();

    public int Count => _splices.Count;

    public void Replace(int start, int end, string text, int depth = 0) => _splices.Add(new Splice(start, end, text, depth, _splices.Count));

    public string ApplyTo(string text)
    {
        _splices.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? a.End.CompareTo(b.End)
            : a.Depth != b.Depth ? b.Depth.CompareTo(a.Depth)
            : a.Sequence.CompareTo(b.Sequence));
        var builder = new StringBuilder(text.Length + 256);
        var cursor = 0;
        foreach (var splice in _splices)
        {
            if (splice.Start < cursor)
            {
                throw new EscDefinitionException(0, 0, "internal error: overlapping edits of the definition; nothing was written");
            }

            builder.Append(text, cursor, splice.Start - cursor).Append(splice.Text);
            cursor = splice.End;
        }

        return builder.Append(text, cursor, text.Length - cursor).ToString();
    }

    private sealed class Splice
    {
        public Splice(int start, int end, string text, int depth, int sequence)
        {
            Start = start;
            End = end;
            Text = text;
            Depth = depth;
            Sequence = sequence;
        }

        public int Start { get; }

        public int End { get; }

        public string Text { get; }

        public int Depth { get; }

        public int Sequence { get; }
    }
}
