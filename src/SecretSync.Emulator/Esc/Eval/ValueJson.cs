using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>Writes evaluated values in the wire shapes of esc value.go: the traced <c>Value</c> and plain JSON.</summary>
internal static class ValueJson
{
    /// <summary><c>{"value": ..., "secret": true?, "unknown": true?, "trace": {"def": Range}}</c>, recursively.</summary>
    public static JsonObject ToValue(EscValue value)
    {
        var result = new JsonObject();
        if (!value.Unknown)
        {
            result["value"] = value.Kind switch
            {
                EscValueKind.Object => new JsonObject(value.Properties!
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(p.Key, ToValue(p.Value)))),
                EscValueKind.Array => new JsonArray(value.Items!.Select(i => (JsonNode?)ToValue(i)).ToArray()),
                _ => ScalarNode(value),
            };
        }

        if (value.Secret)
        {
            result["secret"] = true;
        }

        if (value.Unknown)
        {
            result["unknown"] = true;
        }

        var trace = new JsonObject();
        if (value.Def is { } def)
        {
            trace["def"] = Range(def);
        }

        result["trace"] = trace;
        return result;
    }

    /// <summary>The plain JSON of a value (for fn::toJSON, fn::toString and interpolation of non-strings).</summary>
    public static JsonNode? ToPlain(EscValue value) => value.Kind switch
    {
        EscValueKind.Object => new JsonObject(value.Properties!
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(p.Key, ToPlain(p.Value)))),
        EscValueKind.Array => new JsonArray(value.Items!.Select(ToPlain).ToArray()),
        _ => ScalarNode(value),
    };

    /// <summary>The string form used by interpolation and fn::toString: strings as is, everything else as JSON.</summary>
    public static string Stringify(EscValue value) => value.Kind switch
    {
        EscValueKind.String => value.Text,
        EscValueKind.Null => string.Empty,
        EscValueKind.Bool or EscValueKind.Number => value.Text,
        _ => ToPlain(value)?.ToJsonString() ?? string.Empty,
    };

    public static JsonObject Range(SourceRange range) => new()
    {
        ["environment"] = range.Environment,
        ["begin"] = Position(range.Begin),
        ["end"] = Position(range.End),
    };

    private static JsonObject Position(SourcePosition position) => new()
    {
        ["line"] = position.Line,
        ["column"] = position.Column,
        ["byte"] = position.Offset,
    };

    private static JsonNode? ScalarNode(EscValue value) => value.Kind switch
    {
        EscValueKind.String => JsonValue.Create(value.Text),
        EscValueKind.Bool => JsonValue.Create(value.Text == "true"),
        EscValueKind.Number => JsonNode.Parse(value.Text),
        _ => null,
    };
}
