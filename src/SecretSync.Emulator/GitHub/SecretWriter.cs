using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecretSync.Emulator.GitHub;

/// <summary>
/// PUT of an org or repository secret (github-api §1.1, §7.4): validates like GitHub, really opens the sealed box,
/// 201 on create, 204 on update; omitting selected_repository_ids on a selected secret clears the list.
/// </summary>
internal static partial class SecretWriter
{
    private static readonly string[] s_visibilities = ["all", "private", "selected"];

    public static IResult Put(GitHubStore store, SecretScope scope, string name, JsonObject? body, bool isOrg)
    {
        if (SecretNames.Problem(name) is { } nameProblem)
        {
            return GitHubReplies.Invalid("Secret", "name", nameProblem);
        }

        if (body is null)
        {
            return GitHubReplies.Error(StatusCodes.Status400BadRequest, "Problems parsing JSON");
        }

        var encrypted = Text(body["encrypted_value"]);
        var keyId = Text(body["key_id"]);
        var visibility = Text(body["visibility"]);
        if (string.IsNullOrEmpty(encrypted) || !Base64().IsMatch(encrypted))
        {
            return GitHubReplies.Invalid("Secret", "encrypted_value", "encrypted_value is missing or is not base64");
        }

        if (keyId != scope.Key.KeyId)
        {
            return GitHubReplies.Invalid("Secret", "key_id", "key_id does not match the current public key");
        }

        if (isOrg && (visibility is null || !s_visibilities.Contains(visibility)))
        {
            return GitHubReplies.Invalid("Secret", "visibility", "visibility must be one of all, private, selected");
        }

        var ids = RepositoryIds(body["selected_repository_ids"]);
        if (ids is null || ids.Any(id => store.RepositoryById(id) is null))
        {
            return GitHubReplies.Invalid("Secret", "selected_repository_ids", "selected_repository_ids must list known repository ids");
        }

        var plaintext = scope.Key.Open(encrypted);
        if (plaintext is null)
        {
            return GitHubReplies.Invalid("Secret", "encrypted_value", "encrypted_value could not be opened with the public key for key_id");
        }

        Array.Clear(plaintext);
        bool created;
        lock (store.Sync)
        {
            var stamp = store.Stamp();
            created = !scope.Secrets.TryGetValue(name, out var secret);
            secret ??= new SecretEntry { Name = name.ToUpperInvariant(), EncryptedValue = encrypted, Created = stamp, Updated = stamp };
            secret.EncryptedValue = encrypted;
            secret.Updated = stamp;
            secret.Visibility = isOrg ? visibility : null;
            secret.SelectedRepositoryIds = visibility == "selected" ? ids : [];
            scope.Secrets[name] = secret;
        }

        store.NotifyChanged();
        return created ? JsonReply.Send(new JsonObject(), StatusCodes.Status201Created) : Results.NoContent();
    }

    /// <summary>Integers (numbers or digit strings); absent → empty; anything else → null (invalid).</summary>
    public static List<long>? RepositoryIds(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            return null;
        }

        var ids = new List<long>();
        foreach (var item in array)
        {
            if (item is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var id))
            {
                ids.Add(id);
            }
            else if (item is JsonValue text && text.GetValueKind() == JsonValueKind.String && long.TryParse(text.GetValue<string>(), out var parsed))
            {
                ids.Add(parsed);
            }
            else
            {
                return null;
            }
        }

        return ids.Distinct().ToList();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    [GeneratedRegex("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$")]
    private static partial Regex Base64();
}
