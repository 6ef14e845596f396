using System.Text.Json;
using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>Turns parsed JSON (fn::fromJSON) into an evaluated value that keeps the secretness of its source.</summary>
internal static class JsonToValue
{
    public static EscValue Convert(JsonNode? node, SourceRange? def, bool secret)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = new OrderedDictionary<string, EscValue>();
                foreach (var (key, child) in obj)
                {
                    properties[key] = Convert(child, def, secret);
                }

                // ESC marks the containers of a secret's JSON secret too, not only their leaves (reference §6).
                return EscValue.Object(properties, def, secret);
            case JsonArray array:
                var items = new List<EscValue>();
                foreach (var child in array)
                {
                    items.Add(Convert(child, def, secret));
                }

                return EscValue.Array(items, def, secret);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return EscValue.String(value.GetValue<string>(), def, secret);
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return new EscValue { Kind = EscValueKind.Number, Text = value.ToJsonString(), Def = def, Secret = secret };
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return new EscValue
                {
                    Kind = EscValueKind.Bool,
                    Text = value.GetValue<bool>().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                    Def = def,
                    Secret = secret,
                };
            default:
                return new EscValue { Kind = EscValueKind.Null, Def = def, Secret = secret };
        }
    }
}
