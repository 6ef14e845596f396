namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// New YAML that an edit writes: a scalar (already formatted) or a mapping of keys to nodes, rendered in block
/// style at a given column or in flow style on one line.
/// </summary>
internal sealed class YamlOutNode
{
    private YamlOutNode(string? scalarText)
    {
        ScalarText = scalarText;
    }

    /// <summary>The scalar as YAML text, or null for a mapping.</summary>
    public string? ScalarText { get; }

    /// <summary>Mapping entries in output order; keys are raw (formatted when rendered).</summary>
    public List<KeyValuePair<string, YamlOutNode>> Entries { get; } = new();

    /// <summary>A comment line written above this node's key when it is created in block style.</summary>
    public string? HeadComment { get; set; }

    /// <summary>When replacing a value written on its key's line, write this mapping in block style anyway.</summary>
    public bool PreferBlock { get; set; }

    public bool IsScalar => ScalarText is not null;

    public static YamlOutNode Scalar(string text) => new(text);

    public static YamlOutNode Map() => new(null);

    public YamlOutNode Add(string key, YamlOutNode value)
    {
        Entries.Add(new KeyValuePair<string, YamlOutNode>(key, value));
        return this;
    }

    /// <summary>One line: <c>{a: {b: "c"}}</c>.</summary>
    public string ToFlow()
    {
        if (ScalarText is not null)
        {
            return ScalarText;
        }

        var builder = new StringBuilder("{");
        for (var i = 0; i < Entries.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(YamlScalarText.KeyOrWord(Entries[i].Key)).Append(": ");
            builder.Append(Entries[i].Value.ToFlow());
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Appends this mapping's entries as block lines at <paramref name="column"/>, each ending with <paramref name="newline"/>.</summary>
    public void AppendBlockEntries(StringBuilder builder, int column, int step, string newline)
    {
        foreach (var entry in Entries)
        {
            AppendBlockEntry(builder, entry.Key, entry.Value, column, step, newline);
        }
    }

    /// <summary>Appends <c>key: value</c> (or <c>key:</c> and nested lines) at <paramref name="column"/>.</summary>
    public static void AppendBlockEntry(StringBuilder builder, string key, YamlOutNode value, int column, int step, string newline)
    {
        if (value.HeadComment is not null)
        {
            builder.Append(' ', column).Append("# ").Append(value.HeadComment).Append(newline);
        }

        builder.Append(' ', column).Append(YamlScalarText.KeyOrWord(key)).Append(':');
        if (value.ScalarText is not null)
        {
            builder.Append(' ').Append(value.ScalarText).Append(newline);
        }
        else
        {
            builder.Append(newline);
            value.AppendBlockEntries(builder, column + step, step, newline);
        }
    }
}
