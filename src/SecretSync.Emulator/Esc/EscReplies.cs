using SecretSync.Emulator.Esc.Eval;

namespace SecretSync.Emulator.Esc;

/// <summary>ESC response shapes: errors <c>{code, message[, diagnostics]}</c> and raw YAML definitions with their headers.</summary>
internal static class EscReplies
{
    public const string RevisionHeader = "Pulumi-ESC-Revision";

    public static IResult Error(int code, string message, IEnumerable<Diagnostic>? diagnostics = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (diagnostics is not null)
        {
            body["diagnostics"] = Diagnostics(diagnostics);
        }

        return JsonReply.Send(body, code);
    }

    public static IResult NotFound(string what) => Error(StatusCodes.Status404NotFound, $"{what} not found");

    public static JsonArray Diagnostics(IEnumerable<Diagnostic> diagnostics) => new(diagnostics.Select(d =>
    {
        var item = new JsonObject();
        if (d.Range is { } range)
        {
            item["range"] = ValueJson.Range(range);
        }

        item["summary"] = d.Summary;
        if (d.IsWarning)
        {
            item["severity"] = "warning";
        }

        return (JsonNode?)item;
    }).ToArray());

    public static void SetRevisionHeaders(HttpResponse response, EscRevision revision)
    {
        response.Headers.ETag = revision.ETag;
        response.Headers[RevisionHeader] = revision.Number.ToString(CultureInfo.InvariantCulture);
    }

    public static IResult Definition(HttpResponse response, EscRevision revision, string text)
    {
        SetRevisionHeaders(response, revision);
        return Results.Text(text, "application/x-yaml", Encoding.UTF8);
    }
}
