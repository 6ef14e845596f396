using SecretSync.Core.DotEnv;
using SecretSync.Core.Sources.Collectors;

namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>
/// What Update-McpConfig -IncludeSuspected reads before it replaces a suspected secret with a reference: the
/// project's .env files and its ESC environment. A literal whose value is held in neither is the only copy of a
/// credential, and a reference in its place would lose it. Whatever cannot be read counts as not holding the value
/// (fail closed: the literal is kept), with a warning saying why.
/// </summary>
public static class McpOnlyCopyCheck
{
    /// <summary>The values found (by name) and a description of where they were looked for, for messages.</summary>
    public static async Task<(Dictionary<string, string> Values, string CheckedIn)> CollectAsync(SecretCollector collector, ProjectConfig config, string currentDirectory, ISyncReporter reporter, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var places = new List<string>();
        var dotEnvFiles = collector.DefaultDotEnvFiles(currentDirectory).Where(File.Exists).ToList();
        if (dotEnvFiles.Count > 0)
        {
            Add(values, await collector.CollectAsync(new CollectOptions { Sources = [SecretSource.DotEnv], DotEnvFiles = dotEnvFiles }, currentDirectory, cancellationToken).ConfigureAwait(false));
            places.Add(string.Join(", ", dotEnvFiles.Select(Path.GetFileName)));
        }

        if (config.EscEnvironment is not null)
        {
            try
            {
                Add(values, await collector.CollectAsync(new CollectOptions { Sources = [SecretSource.Esc] }, currentDirectory, cancellationToken).ConfigureAwait(false));
                places.Add("ESC environment " + config.EscEnvironment);
            }
            catch (SecretSyncException e) when (e is not DotEnvParseException)
            {
                reporter.Warning($"ESC environment {config.EscEnvironment} could not be read, so suspected secrets found only there are kept: {e.Message}");
            }
        }

        return (values, places.Count == 0 ? "no .env file or ESC environment" : string.Join(" or ", places));
    }

    private static void Add(Dictionary<string, string> values, IEnumerable<SecretRecord> records)
    {
        foreach (var record in records.Where(r => r.IsSet))
        {
            values[record.Name] = record.RevealValue()!;
        }
    }
}
