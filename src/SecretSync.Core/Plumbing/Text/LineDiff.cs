namespace SecretSync.Core.Plumbing.Text;

/// <summary>
/// A unified diff (as <c>git diff</c> prints it) of two small texts, for -WhatIf previews of generated files. A
/// longest-common-subsequence table is quadratic, which is fine for files of a few thousand lines and needs no
/// dependency; never use it on files holding secret values (the diff prints lines).
/// </summary>
public static class LineDiff
{
    /// <summary>The diff from <paramref name="oldText"/> to <paramref name="newText"/> with three lines of context; empty when they are equal.</summary>
    public static string Unified(string oldText, string newText, string oldLabel, string newLabel)
    {
        var a = Lines(oldText ?? throw new ArgumentNullException(nameof(oldText)));
        var b = Lines(newText ?? throw new ArgumentNullException(nameof(newText)));
        var edits = Edits(a, b);
        if (edits.TrueForAll(e => e.Kind == ' '))
        {
            return string.Empty;
        }

        var diff = new StringBuilder().Append("--- ").Append(oldLabel).Append('\n').Append("+++ ").Append(newLabel).Append('\n');
        const int context = 3;
        var changes = new List<int>();
        for (var k = 0; k < edits.Count; k++)
        {
            if (edits[k].Kind != ' ')
            {
                changes.Add(k);
            }
        }

        for (var g = 0; g < changes.Count; g++)
        {
            int first = changes[g], last = first;
            while (g + 1 < changes.Count && changes[g + 1] - last <= (2 * context) + 1)
            {
                last = changes[++g];
            }

            WriteHunk(diff, edits, Math.Max(0, first - context), Math.Min(edits.Count - 1, last + context));
        }

        return diff.ToString();
    }

    private static void WriteHunk(StringBuilder diff, List<LineDiffEdit> edits, int start, int end)
    {
        var oldStart = edits[start].OldLine;
        var newStart = edits[start].NewLine;
        int oldCount = 0, newCount = 0;
        for (var k = start; k <= end; k++)
        {
            oldCount += edits[k].Kind == '+' ? 0 : 1;
            newCount += edits[k].Kind == '-' ? 0 : 1;
        }

        diff.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
        for (var k = start; k <= end; k++)
        {
            diff.Append(edits[k].Kind).Append(edits[k].Text).Append('\n');
        }
    }

    private static List<LineDiffEdit> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
            {
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var edits = new List<LineDiffEdit>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                edits.Add(new LineDiffEdit(' ', a[i], i + 1, j + 1));
                i++;
                j++;
            }
            else if (i < a.Length && (j == b.Length || lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                // Deletions before insertions, as git prints a replaced line.
                edits.Add(new LineDiffEdit('-', a[i], i + 1, j + 1));
                i++;
            }
            else
            {
                edits.Add(new LineDiffEdit('+', b[j], i + 1, j + 1));
                j++;
            }
        }

        return edits;
    }

    private static string[] Lines(string text)
    {
        var normalized = text.Replace("\r\n", "\n");
        if (normalized.EndsWith("\n", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(0, normalized.Length - 1);
        }

        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }
}
