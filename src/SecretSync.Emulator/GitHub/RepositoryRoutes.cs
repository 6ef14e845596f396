namespace SecretSync.Emulator.GitHub;

/// <summary>Repositories (exist on first mention, with a stable id) and repository Actions secrets (github-api §1.2).</summary>
internal static class RepositoryRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state, string prefix)
    {
        var store = state.GitHub;
        app.MapGet(prefix + "/repos/{owner}/{repo}", (string owner, string repo, HttpRequest request) =>
            JsonReply.Send(SecretJson.Repository(store.Repository(owner, repo), GitHubReplies.ApiRoot(request, prefix))));
        app.MapGet(prefix + "/repositories/{id:long}", (long id, HttpRequest request) =>
            store.RepositoryById(id) is { } repository
                ? JsonReply.Send(SecretJson.Repository(repository, GitHubReplies.ApiRoot(request, prefix)))
                : GitHubReplies.NotFound());

        app.MapGet(prefix + "/repos/{owner}/{repo}/actions/organization-secrets", (string owner, string repo, HttpContext context) =>
        {
            // github-api §1.2: the org secrets shared with the repository, in the repository list's shape (no visibility).
            var all = store.SharedOrganizationSecrets(store.Repository(owner, repo)).Select(SecretJson.Listed).ToArray();
            var (skip, take) = Paging.Apply(context, all.Length);
            return JsonReply.Send(new JsonObject
            {
                ["total_count"] = all.Length,
                ["secrets"] = new JsonArray(all.Skip(skip).Take(take).ToArray<JsonNode?>()),
            });
        });

        var secrets = app.MapGroup(prefix + "/repos/{owner}/{repo}/actions/secrets");
        secrets.MapGet("public-key", (string owner, string repo) =>
            JsonReply.Send(SecretJson.PublicKey(store.Repository(owner, repo).Secrets.Key)));
        secrets.MapGet(string.Empty, (string owner, string repo, HttpContext context) =>
        {
            var scope = store.Repository(owner, repo).Secrets;
            JsonObject[] all;
            lock (store.Sync)
            {
                all = scope.Secrets.Values.OrderBy(s => s.Name, System.StringComparer.OrdinalIgnoreCase)
                    .Select(s => SecretJson.Secret(s, null)).ToArray();
            }

            var (skip, take) = Paging.Apply(context, all.Length);
            return JsonReply.Send(new JsonObject
            {
                ["total_count"] = all.Length,
                ["secrets"] = new JsonArray(all.Skip(skip).Take(take).ToArray<JsonNode?>()),
            });
        });
        secrets.MapGet("{name}", (string owner, string repo, string name) =>
        {
            lock (store.Sync)
            {
                return store.Repository(owner, repo).Secrets.Secrets.TryGetValue(name, out var secret)
                    ? JsonReply.Send(SecretJson.Secret(secret, null))
                    : GitHubReplies.NotFound();
            }
        });
        secrets.MapPut("{name}", async (string owner, string repo, string name, HttpRequest request) =>
            SecretWriter.Put(store, store.Repository(owner, repo).Secrets, name, await RequestBody.ReadObjectAsync(request), isOrg: false));
        secrets.MapDelete("{name}", (string owner, string repo, string name) =>
            OrgSecretRoutes.Delete(store, store.Repository(owner, repo).Secrets, name));
    }
}
