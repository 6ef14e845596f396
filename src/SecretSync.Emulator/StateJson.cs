using SecretSync.Emulator.Esc;
using SecretSync.Emulator.GitHub;

namespace SecretSync.Emulator;

/// <summary>The JSON of the persisted state (see <see cref="StatePersistence"/>).</summary>
internal static class StateJson
{
    public static JsonObject WriteEnvironment(EscEnvironment environment) => new()
    {
        ["organization"] = environment.Organization,
        ["project"] = environment.Project,
        ["name"] = environment.Name,
        ["created"] = environment.Created.ToString("O", CultureInfo.InvariantCulture),
        ["revisions"] = new JsonArray(environment.Revisions.Select(r => (JsonNode?)new JsonObject
        {
            ["number"] = r.Number,
            ["yaml"] = r.Yaml,
            ["etag"] = r.ETag,
            ["created"] = r.Created.ToString("O", CultureInfo.InvariantCulture),
        }).ToArray()),
    };

    public static EscEnvironment ReadEnvironment(JsonObject json)
    {
        var environment = new EscEnvironment
        {
            Organization = (string)json["organization"]!,
            Project = (string)json["project"]!,
            Name = (string)json["name"]!,
            Created = DateTimeOffset.Parse((string)json["created"]!, CultureInfo.InvariantCulture),
        };
        foreach (var r in json["revisions"]!.AsArray())
        {
            environment.Revisions.Add(new EscRevision(
                (int)r!["number"]!, (string)r["yaml"]!, (string)r["etag"]!, DateTimeOffset.Parse((string)r["created"]!, CultureInfo.InvariantCulture)));
        }

        return environment;
    }

    public static JsonObject WriteGitHub(GitHubStore store)
    {
        lock (store.Sync)
        {
            return new JsonObject
            {
                ["seed"] = Convert.ToBase64String(store.Seed),
                ["orgs"] = new JsonObject(store.Organizations.Select(o =>
                    new System.Collections.Generic.KeyValuePair<string, JsonNode?>(o.Key, Secrets(o.Value)))),
                ["repos"] = new JsonArray(store.Repositories.Select(r => (JsonNode?)new JsonObject
                {
                    ["id"] = r.Id,
                    ["owner"] = r.Owner,
                    ["name"] = r.Name,
                    ["workflows"] = new JsonObject(r.Workflows.Select(w => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(w.Key, w.Value))),
                    ["secrets"] = Secrets(r.Secrets),
                }).ToArray()),
            };
        }
    }

    public static void ReadGitHub(GitHubStore store, JsonObject json)
    {
        store.Reset(Convert.FromBase64String((string)json["seed"]!));
        foreach (var (org, secrets) in json["orgs"]!.AsObject())
        {
            ReadSecrets(store.Organization(org), secrets!.AsArray());
        }

        foreach (var repo in json["repos"]!.AsArray())
        {
            var repository = store.Repository((string)repo!["owner"]!, (string)repo["name"]!, (long)repo["id"]!);
            foreach (var (file, id) in repo["workflows"]!.AsObject())
            {
                repository.Workflows[file] = (long)id!;
            }

            ReadSecrets(repository.Secrets, repo["secrets"]!.AsArray());
        }
    }

    private static JsonArray Secrets(SecretScope scope) => new(scope.Secrets.Values.Select(s => (JsonNode?)new JsonObject
    {
        ["name"] = s.Name,
        ["sealed"] = s.EncryptedValue,
        ["created"] = s.Created.ToString("O", CultureInfo.InvariantCulture),
        ["updated"] = s.Updated.ToString("O", CultureInfo.InvariantCulture),
        ["visibility"] = s.Visibility,
        ["selected"] = new JsonArray(s.SelectedRepositoryIds.Select(id => (JsonNode?)id).ToArray()),
    }).ToArray());

    private static void ReadSecrets(SecretScope scope, JsonArray secrets)
    {
        foreach (var s in secrets)
        {
            var name = (string)s!["name"]!;
            scope.Secrets[name] = new SecretEntry
            {
                Name = name,
                EncryptedValue = (string)s["sealed"]!,
                Created = DateTimeOffset.Parse((string)s["created"]!, CultureInfo.InvariantCulture),
                Updated = DateTimeOffset.Parse((string)s["updated"]!, CultureInfo.InvariantCulture),
                Visibility = (string?)s["visibility"],
                SelectedRepositoryIds = s["selected"]!.AsArray().Select(id => (long)id!).ToList(),
            };
        }
    }
}
