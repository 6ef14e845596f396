using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Records.Configuration;

/// <summary>
/// Reads <c>shared</c> and <c>environments</c> of secretsync.json. Names reach a workflow's matrix and GitHub
/// expressions, so they are held to a small alphabet; two targets may not write one ESC environment (they would race
/// for its revisions), and the base must live in the organisation of every target (ESC resolves imports there).
/// </summary>
internal static class EnvironmentTargetReader
{
    private static readonly string[] s_targetKeys = ["esc", "secrets", "categories", "githubEnvironment", "source"];
    private static readonly string[] s_sharedKeys = ["esc", "secrets", "categories", "githubEnvironment"];
    private static readonly string[] s_reservedNames = [EnvironmentTarget.SharedName, "name", "status"];
    private static readonly Regex s_targetName = new("^[A-Za-z][A-Za-z0-9_-]{0,39}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_gitHubEnvironment = new("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_namePattern = new("^[A-Za-z0-9_*?]{1,100}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_category = new("^[A-Za-z0-9][A-Za-z0-9 &/._-]{0,63}$", RegexOptions.CultureInvariant);

    public static (EnvironmentTarget? Shared, List<EnvironmentTarget> Environments) Read(JObject root, string path, List<string> warnings)
    {
        var shared = root["shared"] is { Type: not JTokenType.Null } sharedToken ? ReadTarget(EnvironmentTarget.SharedName, sharedToken, path, warnings, isShared: true) : null;
        var environments = new List<EnvironmentTarget>();
        var token = root["environments"];
        if (token is not null && token.Type != JTokenType.Null)
        {
            if (token is not JObject map)
            {
                throw Error(path, token, "\"environments\" must be an object of named targets, like { \"dev\": { \"esc\": \"acme/app/dev\" } }");
            }

            foreach (var property in map.Properties())
            {
                if (!s_targetName.IsMatch(property.Name))
                {
                    throw Error(path, property, $"the environment name \"{Shorten(property.Name)}\" must be 1 to 40 letters, digits, '-' or '_', starting with a letter");
                }

                if (s_reservedNames.Contains(property.Name, StringComparer.OrdinalIgnoreCase)
                    || environments.Any(e => string.Equals(e.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(path, property, $"the environment name \"{property.Name}\" is taken (names are compared ignoring case, as GitHub expressions compare them; \"shared\" names the base environment, and \"name\" and \"status\" are columns of Compare's table)");
                }

                environments.Add(ReadTarget(property.Name, property.Value, path, warnings, isShared: false));
            }
        }

        if (shared is not null && environments.Count == 0)
        {
            warnings.Add($"{path}:{JsonFileReader.Line(root["shared"])}:{JsonFileReader.Column(root["shared"])}: \"shared\" has no effect without \"environments\" that import it");
        }

        CheckDistinct(shared, environments, root, path);
        return (shared, environments);
    }

    private static void CheckDistinct(EnvironmentTarget? shared, List<EnvironmentTarget> environments, JObject root, string path)
    {
        var all = (shared is null ? environments : environments.Prepend(shared)).ToList();
        foreach (var target in all)
        {
            var other = all.FirstOrDefault(t => t != target && t.Esc.Equals(target.Esc));
            if (other is not null)
            {
                throw new ConfigParseException(path, target.Line, 0, $"environments \"{other.Name}\" and \"{target.Name}\" both write ESC environment {target.Esc}; give each its own");
            }

            if (shared is not null && !target.IsShared && !string.Equals(target.Esc.Organization, shared.Esc.Organization, StringComparison.Ordinal))
            {
                throw new ConfigParseException(path, target.Line, 0, $"environment \"{target.Name}\" ({target.Esc}) is not in the organisation of the shared base {shared.Esc}: ESC resolves imports within one organisation, so it could not import it");
            }
        }
    }

    private static EnvironmentTarget ReadTarget(string name, JToken token, string path, List<string> warnings, bool isShared)
    {
        var what = isShared ? "\"shared\"" : $"environment \"{name}\"";
        if (token is not JObject obj)
        {
            throw Error(path, token, $"{what} must be an object with at least \"esc\": \"org/project/env\"");
        }

        var known = isShared ? s_sharedKeys : s_targetKeys;
        foreach (var property in obj.Properties().Where(p => !known.Contains(p.Name)))
        {
            warnings.Add($"{path}:{JsonFileReader.Line(property)}:{JsonFileReader.Column(property)}: unknown key \"{property.Name}\" in {what} is ignored (known: {string.Join(", ", known)})");
        }

        var escToken = obj["esc"];
        if (escToken is not { Type: JTokenType.String })
        {
            throw Error(path, escToken ?? obj, $"{what} needs \"esc\": the ESC environment it writes, as \"org/project/env\"");
        }

        EnvironmentRef esc;
        try
        {
            esc = EnvironmentRef.Parse((string)escToken!);
        }
        catch (ArgumentException e)
        {
            throw Error(path, escToken, $"\"esc\" of {what}: {e.Message}");
        }

        var names = Strings(obj, "secrets", path, what, s_namePattern, "names or wildcards of capital letters, digits and '_' ('*' and '?' allowed)");
        var categories = Strings(obj, "categories", path, what, s_category, "catalog categories of letters, digits, spaces and & / . _ -");
        var gitHubEnvironment = obj["githubEnvironment"] is { Type: not JTokenType.Null } ghToken
            ? ghToken.Type == JTokenType.String && s_gitHubEnvironment.IsMatch((string)ghToken!) ? (string)ghToken! : throw Error(path, ghToken, $"\"githubEnvironment\" of {what} must be a GitHub Actions environment name of 1 to 100 letters, digits, '.', '-' or '_'")
            : null;
        var source = isShared ? null : EnvironmentSourceReader.Read(obj["source"], path, what);
        return new EnvironmentTarget(name, esc, new SecretSelection(names, categories), gitHubEnvironment, source, isShared, JsonFileReader.Line(obj));
    }

    private static List<string> Strings(JObject obj, string key, string path, string what, Regex rule, string expected)
    {
        var token = obj[key];
        if (token is null || token.Type == JTokenType.Null)
        {
            return [];
        }

        if (token is not JArray array || array.Any(t => t.Type != JTokenType.String || !rule.IsMatch((string)t!)))
        {
            throw Error(path, token, $"\"{key}\" of {what} must be an array of {expected}");
        }

        return array.Select(t => (string)t!).ToList();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";

    internal static ConfigParseException Error(string path, JToken token, string problem) =>
        new(path, JsonFileReader.Line(token), JsonFileReader.Column(token), problem);
}
