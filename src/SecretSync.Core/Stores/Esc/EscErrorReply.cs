using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.Esc;

/// <summary>The message and diagnostics of an ESC error reply (reference §5).</summary>
internal static class EscErrorReply
{
    /// <summary>
    /// Reads <paramref name="text"/>. Everything here is server text: the token and the known values are masked by
    /// <paramref name="redactor"/> before it reaches a message.
    /// </summary>
    public static (string Message, List<EscDiagnostic> Diagnostics) Parse(string text, ServerTextRedactor redactor)
    {
        try
        {
            if (JsonConvert.DeserializeObject<JToken>(text, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None }) is JObject error)
            {
                var diagnostics = (error["diagnostics"] as JArray ?? [])
                    .Select(d => new EscDiagnostic(
                        (int?)(d["range"]?["begin"]?["line"] as JValue) ?? 0,
                        (int?)(d["range"]?["begin"]?["column"] as JValue) ?? 0,
                        redactor.Redact((d["summary"] as JValue)?.ToString()),
                        (d["severity"] as JValue)?.ToString() is { Length: > 0 } severity ? severity : "error"))
                    .ToList();
                return (redactor.Redact((error["message"] as JValue)?.ToString() is { Length: > 0 } m ? m : "no message"), diagnostics);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or FormatException or OverflowException)
        {
            // Not JSON of the documented shape: a proxy or load balancer answered; fall through to its first line.
        }

        return (ServiceReply.FirstLine(redactor.Redact(text)), []);
    }
}
