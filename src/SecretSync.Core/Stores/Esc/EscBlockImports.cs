using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>Line edits of a block <c>imports:</c> list (one <c>- item</c> a line) for <see cref="EscImportsEditor"/>.</summary>
internal static class EscBlockImports
{
    /// <summary><paramref name="line"/> added as the last item, at the dash column of the list.</summary>
    public static string Append(YamlSourceDocument document, YamlSourceNode imports, string line)
    {
        var text = document.Text;
        var dash = new string(' ', document.ColumnOf(imports.Start));
        var last = imports.Items[imports.Items.Count - 1];

        // After the line the last item ends on (its trailing comment stays with it).
        var newline = text.IndexOf('\n', Math.Max(last.Start, last.End - 1));
        if (newline < 0)
        {
            return text + document.Newline + dash + line + document.Newline;
        }

        return text.Substring(0, newline + 1) + dash + line + document.Newline + text.Substring(newline + 1);
    }

    /// <summary>The line of <paramref name="item"/> taken out; refused when the item no longer has a line of its own.</summary>
    public static string Remove(YamlSourceDocument document, string text, YamlSourceNode item)
    {
        var start = document.LineStartOf(item.Start);
        if (text.Substring(start, item.Start - start).Trim() != "-")
        {
            throw new EscDefinitionException(document.LineOf(item.Start), 0, "an import SecretSync added is no longer on a line of its own; edit the imports with 'esc env edit'");
        }

        var end = text.IndexOf('\n', item.End);
        return text.Substring(0, start) + (end < 0 ? string.Empty : text.Substring(end + 1));
    }
}
