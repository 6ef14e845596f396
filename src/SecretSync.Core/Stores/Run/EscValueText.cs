using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.Run;

/// <summary>
/// The text <c>esc run</c> gives a scalar of <c>environmentVariables</c> or <c>files</c>: strings as they are, booleans
/// as true/false, numbers as written, null as the empty string, an unknown value as <c>[unknown]</c>; objects and
/// arrays are not exported at all (pulumi/esc environment.go GetEnvironmentVariables and value.go ToString).
/// </summary>
internal static class EscValueText
{
    /// <summary>The exported text of the evaluated Value <paramref name="node"/>, or null when esc would not export it.</summary>
    public static string? Of(JToken node)
    {
        if (node["unknown"]?.Type == JTokenType.Boolean && (bool)node["unknown"]!)
        {
            return "[unknown]";
        }

        return node["value"] switch
        {
            null => string.Empty,
            JValue { Type: JTokenType.Null } => string.Empty,
            JValue { Type: JTokenType.String } text => (string)text!,
            JValue { Type: JTokenType.Boolean } flag => (bool)flag ? "true" : "false",
            JValue { Type: JTokenType.Integer or JTokenType.Float } number => Convert.ToString(number.Value, CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
