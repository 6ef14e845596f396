using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.Export;

/// <summary>Values as one JSON object of name → value, in input order (a name given twice takes its last value).</summary>
public static class JsonExport
{
    /// <summary>Indented JSON text ending with a line break. It holds values: never log it.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> values)
    {
        var json = new JObject();
        foreach (var pair in values)
        {
            json[pair.Key] = pair.Value;
        }

        return json.ToString(Formatting.Indented) + "\n";
    }
}
