using YamlDotNet.Core;

namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// A YAML node with its span in the source text [Start, End), so edits can splice the text instead of
/// re-serialising it (which would lose comments, key order and formatting).
/// </summary>
internal sealed class YamlSourceNode
{
    private Dictionary<string, YamlSourceEntry>? _index;

    private YamlSourceNode(YamlSourceKind kind, bool isFlow, int start, int end, string? scalarValue, ScalarStyle style)
    {
        Kind = kind;
        IsFlow = isFlow;
        Start = start;
        End = end;
        ScalarValue = scalarValue;
        ScalarStyle = style;
    }

    public YamlSourceKind Kind { get; }

    /// <summary>True for <c>{...}</c> and <c>[...]</c> collections.</summary>
    public bool IsFlow { get; }

    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>The parsed scalar value (escapes resolved), or null for collections and aliases.</summary>
    public string? ScalarValue { get; }

    public ScalarStyle ScalarStyle { get; }

    public List<YamlSourceEntry> Entries { get; } = new();

    public List<YamlSourceNode> Items { get; } = new();

    /// <summary>A plain scalar that YAML (and ESC) reads as null: empty, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Kind == YamlSourceKind.Scalar && ScalarStyle == ScalarStyle.Plain
        && (ScalarValue!.Length == 0 || ScalarValue == "~" || string.Equals(ScalarValue, "null", StringComparison.OrdinalIgnoreCase));

    public static YamlSourceNode Scalar(int start, int end, string value, ScalarStyle style) =>
        new(YamlSourceKind.Scalar, false, start, end, value, style);

    public static YamlSourceNode Collection(YamlSourceKind kind, bool isFlow, int start) =>
        new(kind, isFlow, start, start, null, ScalarStyle.Any);

    public static YamlSourceNode Alias(int start, int end) =>
        new(YamlSourceKind.Alias, false, start, end, null, ScalarStyle.Any);

    /// <summary>Sets the span of a collection once its end is known.</summary>
    public void SetSpan(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>
    /// The entry ESC uses for <paramref name="key"/>: with duplicate keys the last one wins (ESC warns, as YAML
    /// decoders that allow duplicates do).
    /// </summary>
    public YamlSourceEntry? Find(string key)
    {
        if (_index is null)
        {
            // Built once the node is complete: lookups are frequent (every secret, every plan step) and maps large.
            _index = new Dictionary<string, YamlSourceEntry>(StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                if (entry.Key.ScalarValue is { } name)
                {
                    _index[name] = entry;
                }
            }
        }

        return _index.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>The mapping at <paramref name="key"/>, or null when absent or not a mapping.</summary>
    public YamlSourceNode? FindMapping(string key)
    {
        var value = Find(key)?.Value;
        return value is { Kind: YamlSourceKind.Mapping } ? value : null;
    }
}
