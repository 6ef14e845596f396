using SecretSync.Emulator.Esc.Eval;

namespace SecretSync.Emulator.Esc;

/// <summary>Open, read-open and check (reference §3 #9-#14, §4.3-4.4).</summary>
internal static class EscOpenRoutes
{
    private const string AnonymousLabel = "<yaml>";

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var esc = app.MapGroup("/api/esc/environments");
        esc.MapPost("{org}/yaml/check", async (string org, HttpRequest request) =>
        {
            var mode = string.Equals(request.Query["showSecrets"], "true", System.StringComparison.OrdinalIgnoreCase)
                ? SecretMode.Decrypt
                : SecretMode.Redact;
            return Evaluated(state, org, AnonymousLabel, await RequestBody.ReadTextAsync(request), mode, open: false, null);
        });
        esc.MapPost("{org}/yaml/open", async (string org, HttpRequest request) =>
            Evaluated(state, org, AnonymousLabel, await RequestBody.ReadTextAsync(request), SecretMode.Decrypt, open: true, request.Query["duration"]));
        esc.MapGet("{org}/yaml/open/{id}", (string id, HttpRequest request) => Read(state, id, request));
        esc.MapPost("{org}/{project}/{env}/open", (string org, string project, string env, HttpRequest request) =>
            Open(state, org, project, env, "latest", request));
        esc.MapPost("{org}/{project}/{env}/versions/{version}/open", (string org, string project, string env, string version, HttpRequest request) =>
            Open(state, org, project, env, version, request));
        esc.MapGet("{org}/{project}/{env}/open/{id}", (string id, HttpRequest request) => Read(state, id, request));

        // The spec's property read is ".../open//{id}?property=" (double slash), the path the official Node SDK
        // calls and the service answers (reference §3, after the table). The catch-all sees "/{id}"; the one-segment
        // route above still takes every plain "open/{id}".
        esc.MapGet("{org}/{project}/{env}/open/{**rest:minlength(2)}", (string rest, HttpRequest request) =>
            rest[0] == '/' && rest.IndexOf('/', 1) < 0 ? Read(state, rest[1..], request) : EscReplies.NotFound("route"));
    }

    private static IResult Open(EmulatorState state, string org, string project, string env, string version, HttpRequest request)
    {
        var revision = state.Esc.FindRevision(org, project, env, version);
        return revision is null
            ? EscReplies.NotFound("environment")
            : Evaluated(state, org, $"{project}/{env}", revision.Yaml, SecretMode.Decrypt, open: true, request.Query["duration"]);
    }

    /// <summary>Evaluates; when opening stores a session and returns its id, else (a check) returns the environment.</summary>
    private static IResult Evaluated(EmulatorState state, string org, string label, string yaml, SecretMode mode, bool open, string? duration)
    {
        var lifetime = GoDuration.TryParse(duration);
        if (lifetime is null)
        {
            return EscReplies.Error(StatusCodes.Status400BadRequest, "invalid duration");
        }

        var diagnostics = new List<Diagnostic>();
        var properties = state.EscEvaluation.Evaluate(org, label, yaml, mode, diagnostics);
        if (properties is null)
        {
            return EscReplies.Error(StatusCodes.Status400BadRequest, "Bad Request", diagnostics);
        }

        if (!open)
        {
            return JsonReply.Send(EnvironmentJson(properties));
        }

        return JsonReply.Send(new JsonObject { ["id"] = state.EscSessions.Add(properties, lifetime.Value) });
    }

    private static IResult Read(EmulatorState state, string id, HttpRequest request)
    {
        var session = state.EscSessions.Find(id);
        if (session is null)
        {
            return EscReplies.NotFound("open environment");
        }

        // No ETag or Pulumi-ESC-Revision here: the service sends them on definitions only (reference §3 #11), so a
        // client that wants to know what it opened opens a revision (POST .../versions/{n}/open).
        string? property = request.Query["property"];
        if (string.IsNullOrEmpty(property))
        {
            return JsonReply.Send(EnvironmentJson(session.Properties));
        }

        var position = 0;
        var path = PropertyPath.TryParse(property, ref position, null, out _);
        EscValue? value = session.Properties;
        foreach (var segment in path ?? [])
        {
            value = value?.Access(segment);
        }

        return path is null || value is null ? EscReplies.NotFound("property") : JsonReply.Send(ValueJson.ToValue(value));
    }

    /// <summary>An <c>Environment</c>; <c>properties</c> is omitempty in esc's Go type, so no values means <c>{}</c>.</summary>
    private static JsonObject EnvironmentJson(EscValue properties)
    {
        var value = ValueJson.ToValue(properties);
        var map = value["value"] as JsonObject ?? [];
        value.Remove("value");
        return map.Count == 0 ? [] : new JsonObject { ["properties"] = map };
    }
}
