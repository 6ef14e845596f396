using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Records.Configuration;

/// <summary>Reads the <c>source</c> of an environment target: where its values come from under another name.</summary>
internal static class EnvironmentSourceReader
{
    private static readonly Regex s_prefix = new("^[A-Z][A-Z0-9_]{0,39}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_suffix = new("^[A-Z0-9_]{1,40}$", RegexOptions.CultureInvariant);

    /// <summary>The prefix or suffix of <paramref name="token"/>, or null when there is none; throws naming the line when malformed.</summary>
    public static EnvironmentSource? Read(JToken? token, string path, string what)
    {
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        var shape = $"\"source\" of {what} must be {{ \"suffix\": \"_STAGING\" }} or {{ \"prefix\": \"STAGING_\" }}";
        if (token is not JObject obj || obj.Count != 1 || obj.Properties().Single() is not { Name: "prefix" or "suffix" } property || property.Value.Type != JTokenType.String)
        {
            throw EnvironmentTargetReader.Error(path, token, shape);
        }

        var text = (string)property.Value!;
        var rule = property.Name == "prefix" ? s_prefix : s_suffix;
        if (!rule.IsMatch(text))
        {
            throw EnvironmentTargetReader.Error(path, property.Value, $"{shape}: capital letters, digits and '_' only{(property.Name == "prefix" ? ", starting with a letter" : string.Empty)}, at most 40");
        }

        return property.Name == "prefix" ? new EnvironmentSource(text, string.Empty) : new EnvironmentSource(string.Empty, text);
    }
}
