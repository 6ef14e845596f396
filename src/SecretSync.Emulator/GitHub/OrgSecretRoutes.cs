namespace SecretSync.Emulator.GitHub;

/// <summary>Organization Actions secrets (github-api §1.1), as Octokit's IOrganizationSecretsClient calls them.</summary>
internal static class OrgSecretRoutes
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state, string prefix)
    {
        var store = state.GitHub;
        var secrets = app.MapGroup(prefix + "/orgs/{org}/actions/secrets");
        secrets.MapGet("public-key", (string org) => JsonReply.Send(SecretJson.PublicKey(store.Organization(org).Key)));
        secrets.MapGet(string.Empty, (string org, HttpContext context) =>
        {
            var scope = store.Organization(org);
            var url = SecretsUrl(context.Request, prefix, org);
            JsonObject[] all;
            lock (store.Sync)
            {
                all = scope.Secrets.Values.OrderBy(s => s.Name, System.StringComparer.OrdinalIgnoreCase)
                    .Select(s => SecretJson.Secret(s, $"{url}/{s.Name}")).ToArray();
            }

            var (skip, take) = Paging.Apply(context, all.Length);
            return JsonReply.Send(new JsonObject
            {
                ["total_count"] = all.Length,
                ["secrets"] = new JsonArray(all.Skip(skip).Take(take).ToArray<JsonNode?>()),
            });
        });
        secrets.MapGet("{name}", (string org, string name, HttpRequest request) =>
        {
            lock (store.Sync)
            {
                return store.Organization(org).Secrets.TryGetValue(name, out var secret)
                    ? JsonReply.Send(SecretJson.Secret(secret, $"{SecretsUrl(request, prefix, org)}/{secret.Name}"))
                    : GitHubReplies.NotFound();
            }
        });
        secrets.MapPut("{name}", async (string org, string name, HttpRequest request) =>
            SecretWriter.Put(store, store.Organization(org), name, await RequestBody.ReadObjectAsync(request), isOrg: true));
        secrets.MapDelete("{name}", (string org, string name) => Delete(store, store.Organization(org), name));
        SelectedRepositoryRoutes.Map(secrets, state, prefix);
    }

    public static IResult Delete(GitHubStore store, SecretScope scope, string name)
    {
        bool removed;
        lock (store.Sync)
        {
            removed = scope.Secrets.Remove(name);
        }

        if (!removed)
        {
            return GitHubReplies.NotFound();
        }

        store.NotifyChanged();
        return Results.NoContent();
    }

    private static string SecretsUrl(HttpRequest request, string prefix, string org) =>
        $"{GitHubReplies.ApiRoot(request, prefix)}/orgs/{org}/actions/secrets";
}
