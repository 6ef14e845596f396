namespace SecretSync.Emulator.GitHub;

/// <summary>Secret and public-key shapes of github-api §1.1-1.2.</summary>
internal static class SecretJson
{
    public static JsonObject PublicKey(ScopeKey key) => new()
    {
        ["key_id"] = key.KeyId,
        ["key"] = Convert.ToBase64String(key.PublicKey),
    };

    /// <summary>A repository secret, or an org secret as a repository lists it (actions-secret: name and dates only).</summary>
    public static JsonObject Listed(SecretEntry secret) => new()
    {
        ["name"] = secret.Name,
        ["created_at"] = GitHubReplies.Date(secret.Created),
        ["updated_at"] = GitHubReplies.Date(secret.Updated),
    };

    /// <summary>An org secret when <paramref name="secretUrl"/> is given (it carries visibility), else a repository secret.</summary>
    public static JsonObject Secret(SecretEntry secret, string? secretUrl)
    {
        var json = Listed(secret);
        if (secret.Visibility is { } visibility)
        {
            json["visibility"] = visibility;
            if (visibility == "selected" && secretUrl is not null)
            {
                json["selected_repositories_url"] = secretUrl + "/repositories";
            }
        }

        return json;
    }

    public static JsonObject Repository(RepositoryEntry repository, string apiRoot) => new()
    {
        ["id"] = repository.Id,
        ["node_id"] = "R_" + repository.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["name"] = repository.Name,
        ["full_name"] = repository.FullName,
        ["private"] = true,
        ["owner"] = new JsonObject { ["login"] = repository.Owner, ["id"] = 1000, ["type"] = "Organization" },
        ["html_url"] = $"https://github.com/{repository.FullName}",
        ["url"] = $"{apiRoot}/repos/{repository.FullName}",
        ["default_branch"] = "main",
        ["visibility"] = "private",
    };
}
