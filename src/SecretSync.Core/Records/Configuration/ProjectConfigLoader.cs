using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Records.Configuration;

/// <summary>Finds secretsync.json by walking up from a folder and reads it with positions for every error.</summary>
public static class ProjectConfigLoader
{
    /// <summary>The file name looked for in each folder.</summary>
    public const string FileName = "secretsync.json";

    private static readonly string[] s_knownKeys =
    [
        "$schema", "escEnvironment", "githubOrganization", "githubRepository", "envFiles", "mcpConfigs", "template",
        "workflow", "patterns", "githubWriteLimits", "secrets", "shared", "environments",
    ];

    /// <summary>The nearest secretsync.json at or above <paramref name="startDirectory"/>, or null.</summary>
    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads <paramref name="path"/>; throws <see cref="ConfigParseException"/> naming line and column.</summary>
    public static ProjectConfig Load(string path)
    {
        path = Path.GetFullPath(path);
        var root = JsonFileReader.ReadObject(path);
        var directory = Path.GetDirectoryName(path)!;
        var warnings = new List<string>();
        foreach (var property in root.Properties().Where(p => !s_knownKeys.Contains(p.Name)))
        {
            warnings.Add($"{path}:{JsonFileReader.Line(property)}:{JsonFileReader.Column(property)}: unknown key \"{property.Name}\" is ignored (known: {string.Join(", ", s_knownKeys.Skip(1))})");
        }

        var limits = root["githubWriteLimits"];
        if (limits is not null && limits is not JObject)
        {
            throw Error(path, limits, "\"githubWriteLimits\" must be an object like { \"perMinute\": 80, \"perHour\": 500 }");
        }

        var (shared, environments) = EnvironmentTargetReader.Read(root, path, warnings);
        return new ProjectConfig
        {
            Shared = shared,
            Environments = environments,
            FilePath = path,
            Directory = directory,
            EscEnvironment = String(root, "escEnvironment", path),
            GitHubOrganization = String(root, "githubOrganization", path),
            GitHubRepository = String(root, "githubRepository", path),
            EnvFiles = Paths(root, "envFiles", path, directory),
            McpConfigs = Paths(root, "mcpConfigs", path, directory),
            Template = FullPath(String(root, "template", path), directory),
            Workflow = FullPath(String(root, "workflow", path), directory),
            Patterns = root["patterns"] is null ? ProjectConfig.DefaultPatterns : Strings(root, "patterns", path),
            GitHubWritesPerMinute = PositiveInt(limits as JObject, "perMinute", path) ?? 80,
            GitHubWritesPerHour = PositiveInt(limits as JObject, "perHour", path) ?? 500,
            Secrets = CatalogEntryReader.Read(root["secrets"], path, warnings),
            Warnings = warnings,
        };
    }

    private static string? String(JObject obj, string key, string path)
    {
        var token = obj[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token.Type == JTokenType.String ? (string?)token : throw Error(path, token, $"\"{key}\" must be a string");
    }

    private static List<string> Strings(JObject obj, string key, string path)
    {
        var token = obj[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return [];
        }

        if (token is not JArray array || array.Any(t => t.Type != JTokenType.String))
        {
            throw Error(path, token, $"\"{key}\" must be an array of strings");
        }

        return array.Select(t => (string)t!).ToList();
    }

    private static List<string> Paths(JObject obj, string key, string path, string directory) =>
        Strings(obj, key, path).Select(p => Path.GetFullPath(Path.Combine(directory, p))).ToList();

    private static string? FullPath(string? relative, string directory) =>
        relative is null ? null : Path.GetFullPath(Path.Combine(directory, relative));

    private static int? PositiveInt(JObject? obj, string key, string path)
    {
        var token = obj?[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token.Type == JTokenType.Integer && (long)token > 0 && (long)token <= int.MaxValue
            ? (int)token
            : throw Error(path, token, $"\"{key}\" must be a positive whole number");
    }

    private static ConfigParseException Error(string path, JToken token, string problem) =>
        new(path, JsonFileReader.Line(token), JsonFileReader.Column(token), problem);
}
