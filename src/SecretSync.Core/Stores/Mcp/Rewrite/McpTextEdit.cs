using System.Collections.Generic;
using System.Text;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>Replace <see cref="Length"/> source characters at <see cref="Offset"/> by <see cref="Text"/>.</summary>
internal readonly struct McpTextEdit
{
    public McpTextEdit(int offset, int length, string text)
    {
        Offset = offset;
        Length = length;
        Text = text;
    }

    public int Offset { get; }

    public int Length { get; }

    public string Text { get; }

    /// <summary>Applies non-overlapping edits in one pass (a 1 MB file is copied once, not once per edit).</summary>
    public static string Apply(string source, List<McpTextEdit> edits)
    {
        edits.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        var builder = new StringBuilder(source.Length + 256);
        var position = 0;
        foreach (var edit in edits)
        {
            builder.Append(source, position, edit.Offset - position).Append(edit.Text);
            position = edit.Offset + edit.Length;
        }

        return builder.Append(source, position, source.Length - position).ToString();
    }
}
