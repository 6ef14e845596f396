using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Sources.Collectors;

/// <summary>The secret strings of an opened ESC environment's <c>properties</c>, each with its dotted path.</summary>
internal static class EscSecretLeaves
{
    /// <summary>Every secret string leaf outside <see cref="EscCollector.ReservedKeys"/>, e.g. (<c>linear.linear_api_key</c>, value).</summary>
    public static IEnumerable<(string Path, string Value)> Of(JObject properties)
    {
        foreach (var property in properties.Properties().Where(p => !EscCollector.ReservedKeys.Contains(p.Name)))
        {
            foreach (var leaf in Walk(property.Name, property.Value))
            {
                yield return leaf;
            }
        }
    }

    // An evaluated Value is {"value": <scalar | {k: Value} | [Value]>, "secret": bool?}.
    private static IEnumerable<(string Path, string Value)> Walk(string path, JToken node)
    {
        var value = node["value"];
        if (value is JObject children)
        {
            foreach (var child in children.Properties())
            {
                foreach (var leaf in Walk(path + "." + child.Name, child.Value))
                {
                    yield return leaf;
                }
            }
        }
        else if (value is JValue { Type: JTokenType.String } text && node["secret"]?.Value<bool>() == true)
        {
            yield return (path, (string)text!);
        }
    }
}
