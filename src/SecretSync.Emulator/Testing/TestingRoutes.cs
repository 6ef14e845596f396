using System.Text.Json;
using SecretSync.Emulator.GitHub;

namespace SecretSync.Emulator.Testing;

/// <summary>Test-only endpoints under /_emulator; they need no token and are not logged.</summary>
internal static class TestingRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var test = app.MapGroup("/_emulator");
        test.MapGet("requests", () => JsonReply.Send(new JsonArray(state.Log.Snapshot().Select(r => (JsonNode?)new JsonObject
        {
            ["method"] = r.Method,
            ["path"] = r.Path,
            ["status"] = r.Status,
            ["ms"] = r.Ms,
            ["inFlight"] = r.InFlight,
        }).ToArray())));
        test.MapDelete("requests", () =>
        {
            state.Log.Clear();
            return Results.NoContent();
        });
        test.MapPost("faults", async (HttpRequest request) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            if (body is null || FaultRuleJson.TryRead(body) is not { } rule)
            {
                return JsonReply.Send(new JsonObject { ["message"] = "expected {method?, pathPrefix?, skip?, count | rate, status | statuses, retryAfter?, resetSeconds?, delayMs?, drop?, message?}" }, 400);
            }

            state.Faults.Add(rule);
            return Results.NoContent();
        });
        test.MapDelete("faults", () =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });
        test.MapGet("github/orgs/{org}/secrets/{name}/value", (string org, string name) =>
            SecretValue(state.GitHub, state.GitHub.Organization(org), name));
        test.MapGet("github/repos/{owner}/{repo}/secrets/{name}/value", (string owner, string repo, string name) =>
            SecretValue(state.GitHub, state.GitHub.Repository(owner, repo).Secrets, name));
        test.MapPost("github/repos", async (HttpRequest request) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            if (body?["owner"]?.GetValue<string>() is not { } owner || body["name"]?.GetValue<string>() is not { } name)
            {
                return JsonReply.Send(new JsonObject { ["message"] = "expected {owner, name, id?, workflows?: [file]}" }, 400);
            }

            long? id = body["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<long>() : null;
            var repository = state.GitHub.Repository(owner, name, id);
            foreach (var file in body["workflows"] as JsonArray ?? [])
            {
                if (file is JsonValue f && f.GetValueKind() == JsonValueKind.String)
                {
                    state.GitHub.AddWorkflow(repository, f.GetValue<string>());
                }
            }

            return JsonReply.Send(SecretJson.Repository(repository, $"{request.Scheme}://{request.Host}/api/v3"));
        });
        test.MapGet("github/repos/{owner}/{repo}/runs/{id:long}/secrets", (string owner, string repo, long id) =>
            state.GitHub.Runs(state.GitHub.Repository(owner, repo), null).FirstOrDefault(r => r.Id == id) is { } run
                ? JsonReply.Send(new JsonObject { ["seen"] = new JsonArray(run.OrganizationSecretsSeen.Select(n => (JsonNode?)n).ToArray()) })
                : GitHubReplies.NotFound());
        test.MapPost("github/runs", async (HttpRequest request) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            var conclusion = body?["conclusion"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : "success";
            var seconds = body?["seconds"] is JsonValue s && s.GetValueKind() == JsonValueKind.Number ? s.GetValue<double>() : state.Options.RunSeconds;
            state.GitHub.NextRuns = new RunSettings(conclusion, seconds);
            if (body?["enterpriseServer"] is JsonValue e && e.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                state.GitHub.EnterpriseServer = e.GetValueKind() == JsonValueKind.True;
            }

            return Results.NoContent();
        });
        test.MapPost("esc/approvals", async (HttpRequest request) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            if (body?["environment"] is not JsonValue e || e.GetValueKind() != JsonValueKind.String || e.GetValue<string>().Split('/').Length != 3)
            {
                return JsonReply.Send(new JsonObject { ["message"] = "expected {environment: \"org/project/env\", updates?: bool, opens?: bool}" }, 400);
            }

            state.Approvals.Set(e.GetValue<string>(), Flag(body["updates"]), Flag(body["opens"]));
            return Results.NoContent();
        });
        test.MapGet("clock", () => Clock(state));
        test.MapPost("clock", async (HttpRequest request) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            if (body?["offsetSeconds"] is not JsonValue offset || offset.GetValueKind() != JsonValueKind.Number)
            {
                return JsonReply.Send(new JsonObject { ["message"] = "expected {offsetSeconds: number} (the emulator's time minus the host's; 0 is now)" }, 400);
            }

            state.SetClockOffset(TimeSpan.FromSeconds(offset.GetValue<double>()));
            return Clock(state);
        });
        test.MapPost("reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });
    }

    private static IResult Clock(EmulatorState state) => JsonReply.Send(new JsonObject
    {
        ["now"] = state.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        ["offsetSeconds"] = state.Clock.Offset.TotalSeconds,
    });

    private static bool Flag(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>Opens the stored sealed box on demand: the decrypted value exists only for this test read.</summary>
    private static IResult SecretValue(GitHubStore store, SecretScope scope, string name)
    {
        SecretEntry? secret;
        lock (store.Sync)
        {
            scope.Secrets.TryGetValue(name, out secret);
        }

        if (secret is null || scope.Key.Open(secret.EncryptedValue) is not { } plaintext)
        {
            return GitHubReplies.NotFound();
        }

        return JsonReply.Send(new JsonObject { ["name"] = secret.Name, ["value"] = Encoding.UTF8.GetString(plaintext) });
    }
}
