using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>Text edits of a flow <c>imports: [a, b]</c> list for <see cref="EscImportsEditor"/>; the rest of the line stays as it was.</summary>
internal static class EscFlowImports
{
    /// <summary><paramref name="importName"/> added before the closing bracket.</summary>
    public static string Append(string text, YamlSourceNode imports, string importName)
    {
        var close = text.LastIndexOf(']', imports.End - 1, imports.End - imports.Start);
        var separator = imports.Items.Count == 0 ? string.Empty : ", ";
        return text.Substring(0, close) + separator + importName + text.Substring(close);
    }

    /// <summary><paramref name="item"/> taken out with the comma that joined it to its neighbour.</summary>
    public static string Remove(string text, YamlSourceNode item)
    {
        var before = item.Start - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        if (before >= 0 && text[before] == ',')
        {
            return text.Substring(0, before) + text.Substring(item.End);
        }

        var after = item.End;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return after < text.Length && text[after] == ','
            ? text.Substring(0, item.Start) + text.Substring(after + 1).TrimStart(' ')
            : text.Substring(0, item.Start) + text.Substring(item.End);
    }
}
