namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// Rewrites one flow mapping (<c>values: {a: 1, b: {c: 2}}</c>) in block style so entries can be spliced in and
/// out line by line. Keys and values are copied as written (nested flow nodes stay flow); comments inside the
/// braces are lost. Only mappings an edit must change are converted.
/// </summary>
internal static class YamlFlowConverter
{
    public static string ToBlock(YamlSourceDocument document, YamlSourceNode flow, YamlSourceEntry? holder)
    {
        var text = document.Text;
        var newline = document.Newline;
        var column = holder is null ? 0 : document.ColumnOf(holder.Key.Start) + document.IndentStep;
        var lines = new List<string>();
        foreach (var entry in flow.Entries)
        {
            var line = new string(' ', column) + text.Substring(entry.Key.Start, entry.Key.End - entry.Key.Start) + ":";
            if (entry.Value.End > entry.Value.Start)
            {
                // A multi-line flow scalar or collection folds its line breaks and ignores leading spaces on
                // continuation lines, so indenting them to the new depth keeps the value and keeps it valid.
                var value = text.Substring(entry.Value.Start, entry.Value.End - entry.Value.Start);
                line += " " + value.Replace("\n", "\n" + new string(' ', column + document.IndentStep));
            }

            lines.Add(line);
        }

        var block = string.Join(newline, lines);
        if (holder is null)
        {
            var prefix = lines.Count > 0 && document.ColumnOf(flow.Start) > 0 ? newline : string.Empty;
            return TextSplices.Apply(text, flow.Start, flow.End, prefix + block);
        }

        return TextSplices.Apply(text, holder.AfterColon, flow.End, lines.Count > 0 ? newline + block : string.Empty);
    }
}
