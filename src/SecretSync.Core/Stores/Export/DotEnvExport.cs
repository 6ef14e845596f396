using System;
using System.Collections.Generic;
using System.IO;
using SecretSync.Core.DotEnv;
using SecretSync.Core.Plumbing.Files;

namespace SecretSync.Core.Stores.Export;

/// <summary>
/// Merges values into a .env file so that python-dotenv and DotNetEnv both read them back exactly: existing keys
/// change in place, comments and other keys stay, new keys are appended. Values no spelling can carry to both
/// readers are refused one by one; the rest are written.
/// </summary>
public static class DotEnvExport
{
    /// <summary>The new file text and the values refused.</summary>
    /// <param name="path">Full path of the .env file; it need not exist.</param>
    /// <param name="values">Name/value pairs in order; a name given twice takes its last value.</param>
    /// <exception cref="DotEnvParseException">The existing file does not parse; it must be left as it is.</exception>
    public static DotEnvExportPlan Plan(string path, IEnumerable<KeyValuePair<string, string>> values)
    {
        var accepted = new List<KeyValuePair<string, string>>();
        var refused = new List<SecretSyncException>();
        var refusedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in values)
        {
            try
            {
                ExportNameException.ThrowIfInvalid(pair.Key);
                PortableDotEnvValue.Format(pair.Key, pair.Value);
                accepted.Add(pair);
            }
            catch (SecretSyncException e) when (e is ExportNameException or ValueNotPortableException)
            {
                refused.Add(e);
                refusedNames.Add(pair.Key);
            }
        }

        // A name refused for its last value must not be written with an earlier one.
        accepted.RemoveAll(pair => refusedNames.Contains(pair.Key));

        // Taken before the read: an edit saved after it makes the write refuse instead of being lost.
        var readAs = FileSnapshot.Take(path);
        var target = SymbolicLinks.ResolveFinalTarget(path);
        var existing = File.Exists(target) ? DotEnvFileText.Read(target) : string.Empty;
        var text = accepted.Count == 0 ? existing : DotEnvMerger.Merge(existing, accepted, path, PortableDotEnvValue.FormatChecked);
        return new DotEnvExportPlan(text, accepted.ConvertAll(p => p.Key), refused, text != existing || !File.Exists(target), readAs);
    }

    /// <summary>Writes the planned text atomically with mode 0600, through a symbolic link to its target.</summary>
    /// <exception cref="FileChangedException">The file changed since <see cref="Plan"/> read it; it keeps that change.</exception>
    /// <exception cref="FileReadOnlyException">The file is read-only.</exception>
    public static void Write(string path, DotEnvExportPlan plan) => AtomicFile.WriteAllText(path, plan.Text, FileModePolicy.OwnerOnly, plan.ReadAs);
}
