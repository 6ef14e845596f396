using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Records.Catalog;

/// <summary>Reads the <c>secrets</c> array shared by the built-in catalog and secretsync.json.</summary>
internal static class CatalogEntryReader
{
    private static readonly HashSet<string> s_knownKeys = ["name", "service", "category", "description", "required", "githubName"];

    public static List<CatalogEntryDefinition> Read(JToken? secrets, string filePath, List<string> warnings)
    {
        var result = new List<CatalogEntryDefinition>();
        if (secrets is null || secrets.Type == JTokenType.Null)
        {
            return result;
        }

        if (secrets is not JArray array)
        {
            throw Error(filePath, secrets, "\"secrets\" must be an array of { \"name\": ... } objects");
        }

        foreach (var item in array)
        {
            if (item is not JObject obj)
            {
                throw Error(filePath, item, "each entry of \"secrets\" must be an object with at least \"name\"");
            }

            foreach (var property in obj.Properties())
            {
                if (!s_knownKeys.Contains(property.Name))
                {
                    warnings.Add($"{filePath}:{JsonFileReader.Line(property)}:{JsonFileReader.Column(property)}: unknown key \"{property.Name}\" in a secrets entry is ignored (known: {string.Join(", ", s_knownKeys)})");
                }
            }

            result.Add(new CatalogEntryDefinition
            {
                Name = String(obj, "name", filePath, required: true),
                Service = String(obj, "service", filePath),
                Category = String(obj, "category", filePath),
                Description = String(obj, "description", filePath),
                GitHubName = String(obj, "githubName", filePath),
                Required = Boolean(obj, "required", filePath),
                Line = JsonFileReader.Line(obj),
                Column = JsonFileReader.Column(obj),
            });
        }

        return result;
    }

    private static string? String(JObject obj, string key, string filePath, bool required = false)
    {
        var token = obj[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return required ? throw Error(filePath, obj, $"a secrets entry needs \"{key}\"") : null;
        }

        return token.Type == JTokenType.String ? (string?)token : throw Error(filePath, token, $"\"{key}\" must be a string");
    }

    private static bool? Boolean(JObject obj, string key, string filePath)
    {
        var token = obj[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token.Type == JTokenType.Boolean ? (bool)token : throw Error(filePath, token, $"\"{key}\" must be true or false");
    }

    private static ConfigParseException Error(string filePath, JToken token, string problem) =>
        new(filePath, JsonFileReader.Line(token), JsonFileReader.Column(token), problem);
}
