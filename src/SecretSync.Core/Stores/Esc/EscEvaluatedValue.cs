using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// One evaluated ESC <c>Value</c> (reference §5): <c>{"value": ..., "secret": true?, "unknown": true?}</c>, where an
/// object or array value holds further Values. <see cref="ToString"/> describes the shape, never the content.
/// </summary>
public sealed class EscEvaluatedValue
{
    private static readonly Dictionary<string, EscEvaluatedValue> s_noProperties = new();
    private static readonly List<EscEvaluatedValue> s_noItems = new();

    internal EscEvaluatedValue(JToken? value, bool isSecret, bool isUnknown, Dictionary<string, EscEvaluatedValue>? properties, List<EscEvaluatedValue>? items)
    {
        RawValue = value;
        IsSecret = isSecret;
        IsUnknown = isUnknown;
        Properties = properties ?? s_noProperties;
        Items = items ?? s_noItems;
    }

    /// <summary>True when ESC marks the value (or something it was computed from) as secret.</summary>
    public bool IsSecret { get; }

    /// <summary>True when ESC could not compute the value (e.g. a provider not called by a check, or a hidden secret).</summary>
    public bool IsUnknown { get; }

    /// <summary>The string, or null when the value is not a string (number, bool, null, object, array, unknown).</summary>
    public string? StringValue => RawValue is JValue { Type: JTokenType.String } scalar ? (string?)scalar.Value : null;

    /// <summary>Children of an object value, by key.</summary>
    public IReadOnlyDictionary<string, EscEvaluatedValue> Properties { get; }

    /// <summary>Elements of an array value.</summary>
    public IReadOnlyList<EscEvaluatedValue> Items { get; }

    /// <summary>The scalar JSON value (string, number, bool, null); null for objects, arrays and unknowns.</summary>
    internal JToken? RawValue { get; }

    /// <summary>E.g. <c>string (secret)</c>, <c>object (3 properties)</c>.</summary>
    public override string ToString()
    {
        var shape = Properties.Count > 0 ? $"object ({Properties.Count} properties)"
            : Items.Count > 0 ? $"array ({Items.Count} items)"
            : IsUnknown ? "unknown"
            : RawValue?.Type.ToString().ToLowerInvariant() ?? "null";
        return IsSecret ? shape + " (secret)" : shape;
    }
}
