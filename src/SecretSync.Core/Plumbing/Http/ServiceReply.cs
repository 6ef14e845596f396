using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// Reads a successful reply's body as the API documents it, or fails with one clear
/// <see cref="UnexpectedServiceReplyException"/> naming the endpoint, the status and what to check: an HTML page,
/// an empty or truncated body and JSON of another shape are what a proxy, a captive portal or a wrong base URL send.
/// </summary>
internal static class ServiceReply
{
    // Values exactly as the service sent them: a string that looks like a date stays a string (not a DateTime in this
    // machine's time zone), and 1.50 stays 1.50, so a secret or an exported variable never changes on the way.
    private static readonly JsonSerializerSettings s_settings = new() { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 128 };

    /// <summary>The body as a JSON object.</summary>
    public static async Task<JObject> ReadObjectAsync(HttpResponseMessage response, ServiceEndpoint endpoint, string what) =>
        await ReadJsonAsync(response, endpoint, what).ConfigureAwait(false) as JObject
        ?? throw WrongShape(response, endpoint, what, "a JSON object");

    /// <summary>The body as a JSON array.</summary>
    public static async Task<JArray> ReadArrayAsync(HttpResponseMessage response, ServiceEndpoint endpoint, string what) =>
        await ReadJsonAsync(response, endpoint, what).ConfigureAwait(false) as JArray
        ?? throw WrongShape(response, endpoint, what, "a JSON array");

    /// <summary>A YAML definition: any text but an HTML page (an empty one is a new environment's).</summary>
    public static async Task<string> ReadDefinitionAsync(HttpResponseMessage response, ServiceEndpoint endpoint, string what)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (IsHtml(response, text))
        {
            throw Unexpected(response, endpoint, what, $"an HTML page ({FirstLine(endpoint.Redactor.Redact(text))})", "a YAML definition");
        }

        return text;
    }

    /// <summary>The error for a body that parsed but is not of the documented shape.</summary>
    public static UnexpectedServiceReplyException WrongShape(HttpResponseMessage response, ServiceEndpoint endpoint, string what, string expected) =>
        Unexpected(response, endpoint, what, "JSON of another shape", expected);

    /// <summary>The error for <paramref name="what"/> answered with <paramref name="got"/> instead of <paramref name="expected"/>.</summary>
    public static UnexpectedServiceReplyException Unexpected(HttpResponseMessage? response, ServiceEndpoint endpoint, string what, string got, string expected, Exception? innerException = null) =>
        Unexpected(response?.StatusCode, endpoint, what, got, expected, innerException);

    /// <summary>As above, when only the status is known (or none: a success status behind a client library).</summary>
    public static UnexpectedServiceReplyException Unexpected(HttpStatusCode? status, ServiceEndpoint endpoint, string what, string got, string expected, Exception? innerException = null) =>
        new(
            endpoint.ServiceName,
            endpoint.Host,
            status,
            $"{endpoint} answered {what} with {(status is { } code ? $"{(int)code} and " : "a success status and ")}{got}, not {expected}. Check {AddressVariable(endpoint)} (it must be the API's address, not a web console or a proxy's page) and any proxy between here and {endpoint.Host}; if they are right, the service is failing: try again later.",
            innerException);

    /// <summary>The first non-empty line of <paramref name="text"/>, at most 200 characters.</summary>
    public static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                return trimmed.Length > 200 ? trimmed.Substring(0, 200) + "…" : trimmed;
            }
        }

        return "empty";
    }

    private static async Task<JToken> ReadJsonAsync(HttpResponseMessage response, ServiceEndpoint endpoint, string what)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Unexpected(response, endpoint, what, "an empty body", "JSON");
        }

        if (IsHtml(response, text))
        {
            throw Unexpected(response, endpoint, what, $"an HTML page ({FirstLine(endpoint.Redactor.Redact(text))})", "JSON");
        }

        try
        {
            return JsonConvert.DeserializeObject<JToken>(text, s_settings)
                ?? throw Unexpected(response, endpoint, what, "an empty body", "JSON");
        }
        catch (JsonException e)
        {
            // The parser's message quotes the body; only its position is kept.
            throw Unexpected(response, endpoint, what, $"JSON that is cut short or malformed ({text.Length} characters)", "complete JSON", new FormatException((e as JsonReaderException)?.LineNumber is { } line ? $"invalid JSON at line {line}" : "invalid JSON"));
        }
    }

    // By label or by look: a YAML definition may start with "<<: " (a merge key), an HTML page starts with a tag.
    private static bool IsHtml(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml")
        {
            return true;
        }

        var start = text.TrimStart();
        return start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string AddressVariable(ServiceEndpoint endpoint) =>
        endpoint.ServiceName == "GitHub" ? "GITHUB_API_URL" : "PULUMI_BACKEND_URL";
}
