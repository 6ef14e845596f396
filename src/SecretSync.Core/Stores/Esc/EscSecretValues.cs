using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.Esc;

/// <summary>The secret values in an evaluated ESC reply (check with showSecrets, open), so later messages can mask them.</summary>
internal static class EscSecretValues
{
    /// <summary>Every string value of <paramref name="token"/> marked <c>"secret": true</c>.</summary>
    public static List<string?> In(JToken token)
    {
        var values = new List<string?>();
        Collect(token, values);
        return values;
    }

    private static void Collect(JToken token, List<string?> values)
    {
        if (token is JObject obj)
        {
            if (obj["secret"] is JValue { Type: JTokenType.Boolean } secret && (bool)secret && obj["value"] is JValue { Type: JTokenType.String } value)
            {
                values.Add((string?)value);
            }

            foreach (var property in obj.Properties())
            {
                Collect(property.Value, values);
            }
        }
        else if (token is JArray array)
        {
            foreach (var item in array)
            {
                Collect(item, values);
            }
        }
    }
}
