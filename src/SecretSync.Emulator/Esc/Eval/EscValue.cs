using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>An evaluated ESC value (esc value.go): a JSON-like value plus secret/unknown flags and where it was defined.</summary>
internal sealed class EscValue
{
    public EscValueKind Kind { get; init; }

    /// <summary>String text, or the canonical JSON text of a number, or "true"/"false".</summary>
    public string Text { get; init; } = string.Empty;

    public List<EscValue>? Items { get; init; }

    public OrderedDictionary<string, EscValue>? Properties { get; init; }

    public bool Secret { get; init; }

    public bool Unknown { get; init; }

    public SourceRange? Def { get; init; }

    public static EscValue String(string text, SourceRange? def, bool secret = false) =>
        new() { Kind = EscValueKind.String, Text = text, Def = def, Secret = secret };

    public static EscValue UnknownValue(SourceRange? def, bool secret = false) =>
        new() { Kind = EscValueKind.Null, Unknown = true, Def = def, Secret = secret };

    public static EscValue Object(OrderedDictionary<string, EscValue> properties, SourceRange? def, bool secret = false) =>
        new() { Kind = EscValueKind.Object, Properties = properties, Def = def, Secret = secret };

    public static EscValue Array(List<EscValue> items, SourceRange? def, bool secret = false) =>
        new() { Kind = EscValueKind.Array, Items = items, Def = def, Secret = secret };

    /// <summary>A shallow copy defined elsewhere: a reference copies the referenced value, secretness included.</summary>
    public EscValue WithDef(SourceRange? def, bool alsoSecret = false) => new()
    {
        Kind = Kind,
        Text = Text,
        Items = Items,
        Properties = Properties,
        Secret = Secret || alsoSecret,
        Unknown = Unknown,
        Def = def,
    };

    public EscValue? Access(PathSegment segment)
    {
        if (segment.Key is { } key && Properties is not null)
        {
            return Properties.TryGetValue(key, out var child) ? child : null;
        }

        if (segment.Index is { } index && Items is not null && index >= 0 && index < Items.Count)
        {
            return Items[index];
        }

        return null;
    }

    /// <summary>JSON merge patch (RFC 7396) of <paramref name="patch"/> onto <paramref name="target"/>, as ESC merges imports.</summary>
    public static EscValue Merge(EscValue? target, EscValue patch)
    {
        if (target?.Properties is null || patch.Properties is null || target.Unknown || patch.Unknown)
        {
            return patch;
        }

        var merged = new OrderedDictionary<string, EscValue>(target.Properties);
        foreach (var (key, value) in patch.Properties)
        {
            merged[key] = merged.TryGetValue(key, out var existing) ? Merge(existing, value) : value;
        }

        return Object(merged, patch.Def, patch.Secret);
    }
}
