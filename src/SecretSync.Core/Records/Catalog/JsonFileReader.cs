using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Records.Catalog;

/// <summary>Reads a JSON configuration file with line information, turning syntax errors into <see cref="ConfigParseException"/>.</summary>
internal static class JsonFileReader
{
    private static readonly JsonLoadSettings s_loadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    public static JObject ReadObject(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ConfigParseException(path, 0, 0, "cannot be read: " + e.Message, e);
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, s_loadSettings);
            if (token is not JObject obj)
            {
                throw new ConfigParseException(path, Line(token), Column(token), "the file must hold one JSON object { ... }");
            }

            // Anything after the object (a second object, stray text) is an error too.
            if (reader.Read())
            {
                throw new ConfigParseException(path, reader.LineNumber, reader.LinePosition, "unexpected content after the closing brace");
            }

            return obj;
        }
        catch (JsonReaderException e)
        {
            // Newtonsoft's message repeats the position in its own words; keep only the first sentence.
            var problem = e.Message.Split(new[] { ". Path" }, 2, System.StringSplitOptions.None)[0];
            throw new ConfigParseException(path, System.Math.Max(1, e.LineNumber), System.Math.Max(1, e.LinePosition), "invalid JSON: " + problem + "; fix the JSON syntax there", e);
        }
    }

    public static int Line(JToken? token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static int Column(JToken? token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LinePosition : 0;
}
