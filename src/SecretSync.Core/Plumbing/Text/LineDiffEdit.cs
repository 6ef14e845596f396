namespace SecretSync.Core.Plumbing.Text;

/// <summary>One line of a <see cref="LineDiff"/>: kept (' '), removed ('-') or added ('+'), with its 1-based line in each text.</summary>
internal readonly record struct LineDiffEdit(char Kind, string Text, int OldLine, int NewLine);
