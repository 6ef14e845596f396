using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// The evaluated properties of an environment, from the JSON of <c>POST /{org}/yaml/check?showSecrets=true</c>
/// or of an opened environment, queryable by property path (<c>linear.linear_api_key</c>, no <c>values.</c> prefix).
/// </summary>
public sealed class EscEvaluatedEnvironment
{
    private readonly Dictionary<string, EscEvaluatedValue> _properties;

    private EscEvaluatedEnvironment(Dictionary<string, EscEvaluatedValue> properties)
    {
        _properties = properties;
    }

    /// <summary>No properties: a new environment, or one whose definition is empty.</summary>
    public static EscEvaluatedEnvironment Empty { get; } = new(new Dictionary<string, EscEvaluatedValue>());

    /// <summary>Top-level properties by name.</summary>
    public IReadOnlyDictionary<string, EscEvaluatedValue> Properties => _properties;

    /// <summary>Parses an <c>Environment</c> JSON document (<c>{"properties": {...}, ...}</c>); a missing <c>properties</c> means none.</summary>
    public static EscEvaluatedEnvironment Parse(string environmentJson)
    {
        var environment = Load(environmentJson) as JObject ?? throw new EscEnvironmentFormatException("The ESC environment JSON is not an object.");
        return environment["properties"] switch
        {
            null or { Type: JTokenType.Null } => Empty,
            JObject properties => FromProperties(properties),
            _ => throw new EscEnvironmentFormatException("The ESC environment JSON has a 'properties' member that is not an object."),
        };
    }

    /// <summary>Builds the tree from the <c>properties</c> object itself (name → Value).</summary>
    public static EscEvaluatedEnvironment FromProperties(JObject properties) => new(ReadProperties(properties, "properties"));

    /// <summary>The value at a dotted path such as <c>linear.linear_api_key</c>, or null when absent.</summary>
    public EscEvaluatedValue? Find(string path)
    {
        IReadOnlyDictionary<string, EscEvaluatedValue> level = _properties;
        EscEvaluatedValue? value = null;
        foreach (var segment in path.Split('.'))
        {
            if (!level.TryGetValue(segment, out value))
            {
                return null;
            }

            level = value.Properties;
        }

        return value;
    }

    private static JToken Load(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            // A secret that looks like a date or a decimal must stay the exact string ESC sent.
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        try
        {
            return JToken.Load(reader);
        }
        catch (JsonReaderException ex)
        {
            throw new EscEnvironmentFormatException($"The ESC environment JSON is malformed at line {ex.LineNumber}, position {ex.LinePosition}.");
        }
    }

    private static Dictionary<string, EscEvaluatedValue> ReadProperties(JObject properties, string path)
    {
        var result = new Dictionary<string, EscEvaluatedValue>();
        foreach (var property in properties.Properties())
        {
            result[property.Name] = ReadValue(property.Value, path + "." + property.Name);
        }

        return result;
    }

    private static EscEvaluatedValue ReadValue(JToken token, string path)
    {
        if (token is not JObject value)
        {
            throw new EscEnvironmentFormatException($"The ESC environment JSON has a non-object Value at '{path}'.");
        }

        var isSecret = value["secret"]?.Type == JTokenType.Boolean && (bool)value["secret"]!;
        var isUnknown = value["unknown"]?.Type == JTokenType.Boolean && (bool)value["unknown"]!;
        switch (value["value"])
        {
            case JObject children:
                return new EscEvaluatedValue(null, isSecret, isUnknown, ReadProperties(children, path), null);
            case JArray array:
                var items = new List<EscEvaluatedValue>();
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add(ReadValue(array[i], $"{path}[{i}]"));
                }

                return new EscEvaluatedValue(null, isSecret, isUnknown, null, items);
            case var scalar:
                return new EscEvaluatedValue(scalar, isSecret, isUnknown, null, null);
        }
    }
}
