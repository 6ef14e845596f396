using SecretSync.Core;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Core.Stores.Mcp.Detection;

namespace SecretSync;

/// <summary>The secret values Update-McpConfig matches hard-coded strings against, by name.</summary>
internal static class McpMatchedValues
{
    /// <summary>The values of the session's secrets: process environment and .env files.</summary>
    public static Dictionary<string, string> Collect(SophiaCmdlet cmdlet)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        // Matching ships nothing: the operator's own tokens count, so a hard-coded one becomes a reference too.
        foreach (var record in cmdlet.CollectRecords(new CollectOptions { IncludeCredentialsInUse = true }))
        {
            if (record.RevealValue() is { } plain)
            {
                known[record.Name] = plain;
            }
        }

        return known;
    }

    /// <summary>
    /// <paramref name="known"/> plus the values of the .env files and the ESC environment, matched by name like known
    /// ones: what is still only suspected after that is held nowhere else, and the session keeps it.
    /// <paramref name="checkedIn"/> says where was looked.
    /// </summary>
    public static Dictionary<string, string> WithOnlyCopyCheck(SophiaCmdlet cmdlet, Dictionary<string, string> known, out string? checkedIn)
    {
        var (catalog, config, folder, environment) = (cmdlet.Context.Catalog, cmdlet.Context.Config, cmdlet.CurrentDirectory, ProcessEnvironment.Snapshot());
        Dictionary<string, string> values;
        try
        {
            (values, checkedIn) = cmdlet.Run((reporter, token) => McpOnlyCopyCheck.CollectAsync(new SecretCollector(catalog, config, environment, GitHubActionsMasker.ForCurrentProcess(), reporter), config, folder, reporter, token));
        }
        catch (SecretSyncException e)
        {
            // A malformed .env: nothing can be shown to hold a suspected value, so stop before any file is touched.
            cmdlet.Fail(e, (e as FileException)?.FilePath);
            checkedIn = null;
            return known;
        }

        var merged = new Dictionary<string, string>(known, StringComparer.Ordinal);
        foreach (var pair in values.Where(p => !merged.ContainsKey(p.Key)))
        {
            merged[pair.Key] = pair.Value;
        }

        return merged;
    }
}
