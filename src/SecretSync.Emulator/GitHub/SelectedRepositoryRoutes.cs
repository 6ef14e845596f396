namespace SecretSync.Emulator.GitHub;

/// <summary>The repositories of an org secret with visibility "selected": list, replace, add one, remove one.</summary>
internal static class SelectedRepositoryRoutes
{
    public static void Map(RouteGroupBuilder secrets, EmulatorState state, string prefix)
    {
        var store = state.GitHub;
        secrets.MapGet("{name}/repositories", (string org, string name, HttpContext context) =>
        {
            RepositoryEntry[] repositories;
            lock (store.Sync)
            {
                if (!store.Organization(org).Secrets.TryGetValue(name, out var secret))
                {
                    return GitHubReplies.NotFound();
                }

                repositories = secret.SelectedRepositoryIds.Select(store.RepositoryById).OfType<RepositoryEntry>().ToArray();
            }

            var (skip, take) = Paging.Apply(context, repositories.Length);
            var root = GitHubReplies.ApiRoot(context.Request, prefix);
            return JsonReply.Send(new JsonObject
            {
                ["total_count"] = repositories.Length,
                ["repositories"] = new JsonArray(repositories.Skip(skip).Take(take).Select(r => (JsonNode?)SecretJson.Repository(r, root)).ToArray()),
            });
        });
        secrets.MapPut("{name}/repositories", async (string org, string name, HttpRequest request) =>
        {
            var body = await RequestBody.ReadObjectAsync(request);
            var ids = body is null || body["selected_repository_ids"] is null ? null : SecretWriter.RepositoryIds(body["selected_repository_ids"]);
            if (ids is null || ids.Any(id => store.RepositoryById(id) is null))
            {
                return GitHubReplies.Invalid("Secret", "selected_repository_ids", "selected_repository_ids must list known repository ids");
            }

            return Change(store, org, name, secret => secret.SelectedRepositoryIds = ids);
        });
        secrets.MapPut("{name}/repositories/{repositoryId:long}", (string org, string name, long repositoryId) =>
            store.RepositoryById(repositoryId) is null
                ? GitHubReplies.Invalid("Secret", "repository_id", "unknown repository id")
                : Change(store, org, name, secret =>
                {
                    if (!secret.SelectedRepositoryIds.Contains(repositoryId))
                    {
                        secret.SelectedRepositoryIds.Add(repositoryId);
                    }
                }));
        secrets.MapDelete("{name}/repositories/{repositoryId:long}", (string org, string name, long repositoryId) =>
            Change(store, org, name, secret => secret.SelectedRepositoryIds.Remove(repositoryId)));
    }

    /// <summary>GitHub answers 409 when the secret's visibility is not "selected".</summary>
    private static IResult Change(GitHubStore store, string org, string name, System.Action<SecretEntry> change)
    {
        lock (store.Sync)
        {
            if (!store.Organization(org).Secrets.TryGetValue(name, out var secret))
            {
                return GitHubReplies.NotFound();
            }

            if (secret.Visibility != "selected")
            {
                return GitHubReplies.Error(StatusCodes.Status409Conflict, "The secret's visibility is not 'selected'.");
            }

            change(secret);
        }

        store.NotifyChanged();
        return Results.NoContent();
    }
}
