using SecretSync.Emulator.Esc.Eval;
using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc;

/// <summary>Environment CRUD and revisions under /api/esc/environments (reference §3 #1-#8, #15, #17).</summary>
internal static class EscEnvironmentRoutes
{
    private const int PageSize = 100;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var esc = app.MapGroup("/api/esc/environments");
        esc.MapGet(string.Empty, (HttpRequest request) => List(state, null, request));
        esc.MapGet("{org}", (string org, HttpRequest request) => List(state, org, request));
        esc.MapPost("{org}", (string org, HttpRequest request) => CreateAsync(state, org, request));
        esc.MapMethods("{org}/{project}/{env}", ["GET", "HEAD"], (string org, string project, string env, HttpResponse response) =>
            Definition(state, org, project, env, "latest", decrypt: false, response));
        esc.MapGet("{org}/{project}/{env}/decrypt", (string org, string project, string env, HttpResponse response) =>
            Definition(state, org, project, env, "latest", decrypt: true, response));
        esc.MapGet("{org}/{project}/{env}/versions/{version}", (string org, string project, string env, string version, HttpResponse response) =>
            Definition(state, org, project, env, version, decrypt: false, response));
        esc.MapGet("{org}/{project}/{env}/versions/{version}/decrypt", (string org, string project, string env, string version, HttpResponse response) =>
            Definition(state, org, project, env, version, decrypt: true, response));
        esc.MapGet("{org}/{project}/{env}/versions", (string org, string project, string env, HttpRequest request) =>
            ListRevisions(state, org, project, env, request));
        esc.MapPatch("{org}/{project}/{env}", (string org, string project, string env, HttpRequest request) =>
            UpdateAsync(state, org, project, env, request));
        esc.MapDelete("{org}/{project}/{env}", (string org, string project, string env) =>
            state.Esc.Delete(org, project, env) ? Results.Ok() : EscReplies.NotFound("environment"));
    }

    private static IResult List(EmulatorState state, string? org, HttpRequest request)
    {
        var all = state.Esc.List(org);
        _ = int.TryParse(request.Query["continuationToken"], NumberStyles.None, CultureInfo.InvariantCulture, out var start);
        var size = int.TryParse(request.Query["maxResults"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
            ? max
            : PageSize;
        var page = all.Skip(start).Take(size).Select(e => (JsonNode?)new JsonObject
        {
            ["organization"] = e.Organization,
            ["project"] = e.Project,
            ["name"] = e.Name,
            ["created"] = e.Created.ToString("O", CultureInfo.InvariantCulture),
            ["modified"] = e.Latest.Created.ToString("O", CultureInfo.InvariantCulture),
        });
        var next = start + size < all.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return JsonReply.Send(new JsonObject { ["environments"] = new JsonArray(page.ToArray()), ["nextToken"] = next });
    }

    private static async Task<IResult> CreateAsync(EmulatorState state, string org, HttpRequest request)
    {
        var body = await RequestBody.ReadObjectAsync(request);
        var project = body?["project"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["project"] : null;
        var name = body?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["name"] : null;
        if (project is null || name is null || !EscNames.IsValidOrganization(org) || !EscNames.IsValidProject(project) || !EscNames.IsValidEnvironment(name))
        {
            return EscReplies.Error(StatusCodes.Status400BadRequest, "invalid organization, project or environment name");
        }

        return state.Esc.TryCreate(org, project, name)
            ? Results.Ok()
            : EscReplies.Error(StatusCodes.Status409Conflict, $"environment {project}/{name} already exists");
    }

    private static IResult Definition(EmulatorState state, string org, string project, string env, string version, bool decrypt, HttpResponse response)
    {
        var revision = state.Esc.FindRevision(org, project, env, version);
        if (revision is null)
        {
            return EscReplies.NotFound(state.Esc.Find(org, project, env) is null ? "environment" : "revision");
        }

        var text = revision.Yaml;
        if (decrypt)
        {
            text = SecretRewriter.DecryptSecrets(text, SyntaxReader.Read(text, $"{project}/{env}", []));
        }

        return EscReplies.Definition(response, revision, text);
    }

    private static IResult ListRevisions(EmulatorState state, string org, string project, string env, HttpRequest request)
    {
        var revisions = state.Esc.Revisions(org, project, env);
        if (revisions.Count == 0)
        {
            return EscReplies.NotFound("environment");
        }

        // before=0 (or none) starts at the latest: the esc CLI's history pages from 0 (reference §3 #17).
        var before = int.TryParse(request.Query["before"], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0 ? b : int.MaxValue;
        var count = int.TryParse(request.Query["count"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 500;
        var latest = revisions[^1].Number;
        var items = revisions.Where(r => r.Number < before).OrderByDescending(r => r.Number).Take(count).Select(r => (JsonNode?)new JsonObject
        {
            ["number"] = r.Number,
            ["created"] = r.Created.ToString("O", CultureInfo.InvariantCulture),
            ["creatorLogin"] = "emulator",
            ["creatorName"] = "SecretSync Emulator",
            ["tags"] = r.Number == latest ? new JsonArray("latest") : new JsonArray(),
        });
        return JsonReply.Send(new JsonArray(items.ToArray()));
    }

    /// <summary>
    /// PATCH P in the service's order (reference §4.2): unknown environment 404, then a stale <c>ETag</c> request
    /// header 409 before the document is looked at, then diagnostics 400. The concurrency header is <c>ETag</c>, as
    /// the ESC CLI sends it; <c>If-Match</c> is not read here (the CLI uses it only for drafts, and whether the service
    /// honours it on PATCH P is unverified), so a client relying on it is not protected in tests either. A PATCH
    /// without an ETag is unconditional, as for the service (the official SDKs send none).
    /// </summary>
    private static async Task<IResult> UpdateAsync(EmulatorState state, string org, string project, string env, HttpRequest request)
    {
        var yaml = await RequestBody.ReadTextAsync(request);
        var etag = request.Headers.ETag.ToString().Trim();
        if (state.Esc.Find(org, project, env) is null)
        {
            return EscReplies.NotFound("environment");
        }

        if (!state.Esc.IsCurrent(org, project, env, etag))
        {
            return Conflict();
        }

        var diagnostics = new List<Diagnostic>();
        state.EscEvaluation.Evaluate(org, $"{project}/{env}", yaml, SecretMode.Decrypt, diagnostics, out var root);
        if (EscEvaluation.HasErrors(diagnostics))
        {
            return EscReplies.Error(StatusCodes.Status400BadRequest, "Bad Request", diagnostics);
        }

        var stored = SecretRewriter.EncryptSecrets(yaml, root);
        switch (state.Esc.Append(org, project, env, stored, etag, out var revision))
        {
            case EscUpdateOutcome.NotFound:
                return EscReplies.NotFound("environment");
            case EscUpdateOutcome.Conflict:
                return Conflict();
            default:
                EscReplies.SetRevisionHeaders(request.HttpContext.Response, revision!);
                // diagnostics is omitempty in the service's reply: a clean update answers {} (reference §10.5).
                return JsonReply.Send(diagnostics.Count == 0 ? [] : new JsonObject { ["diagnostics"] = EscReplies.Diagnostics(diagnostics) });
        }
    }

    private static IResult Conflict() =>
        EscReplies.Error(StatusCodes.Status409Conflict, "the environment has been modified since it was read (ETag mismatch)");
}
