using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Stores.Export;

/// <summary>
/// Merges values into a .env file so that python-dotenv and DotNetEnv both read them back exactly: existing keys
/// change in place, comments and other keys stay, new keys are appended. Values no spelling can carry to both
/// readers are refused one by one, and so is a key the planned file does not read back exactly in either dialect
/// (the file around it can change how it reads); the rest are written.
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
        var (text, dotNetEnvError) = MergeAndReadBack(existing, accepted, path, refused);
        return new DotEnvExportPlan(text, accepted.ConvertAll(p => p.Key), refused, text != existing || !File.Exists(target), readAs, dotNetEnvError);
    }

    /// <summary>
    /// Merges <paramref name="accepted"/> and reads the result back in both dialects. A key either reads differently
    /// is refused and the rest merged again; if that still does not read back, nothing is written. A file DotNetEnv
    /// already rejects is written (python-dotenv, the default, reads it) and the error is handed on for a warning; a
    /// write that would make DotNetEnv reject a file it reads today is refused whole.
    /// </summary>
    private static (string Text, DotEnvParseException? DotNetEnvError) MergeAndReadBack(string existing, List<KeyValuePair<string, string>> accepted, string path, List<SecretSyncException> refused)
    {
        bool dotNetEnvReadsExisting = ReadsInDotNetEnv(existing, path);
        for (int attempt = 0; accepted.Count > 0; attempt++)
        {
            var text = DotEnvMerger.Merge(existing, accepted, path, PortableDotEnvValue.FormatChecked);
            var problems = DotEnvReadBack.Check(text, accepted, path, out var dotNetEnvError);
            if (dotNetEnvError is not null && dotNetEnvReadsExisting)
            {
                problems = accepted.ConvertAll(p => new DotEnvDialectMismatchException(p.Key, DotEnvDialect.DotNetEnv, $"would no longer parse the file (it fails at line {dotNetEnvError.Line})"));
            }

            if (problems.Count == 0)
            {
                return (text, dotNetEnvError);
            }

            // Once: a second failure means the keys affect each other, so none is written rather than guessing.
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var problem in attempt == 0 ? problems : accepted.ConvertAll(p => new DotEnvDialectMismatchException(p.Key, problems[0].Dialect, "would not read back exactly together with the other keys")))
            {
                if (names.Add(problem.Name))
                {
                    refused.Add(problem);
                }
            }

            accepted.RemoveAll(pair => names.Contains(pair.Key));
        }

        return (existing, null);
    }

    private static bool ReadsInDotNetEnv(string text, string path) => DotNetEnvErrorOf(text, path) is null;

    private static DotEnvParseException? DotNetEnvErrorOf(string text, string path)
    {
        try
        {
            DotEnvReader.Parse(text, path, DotEnvReader.NoEnvironment, DotEnvDialect.DotNetEnv);
            return null;
        }
        catch (DotEnvParseException e)
        {
            return e;
        }
    }

    /// <summary>Writes the planned text atomically with mode 0600, through a symbolic link to its target.</summary>
    /// <exception cref="FileChangedException">The file changed since <see cref="Plan"/> read it; it keeps that change.</exception>
    /// <exception cref="FileReadOnlyException">The file is read-only.</exception>
    public static void Write(string path, DotEnvExportPlan plan) => AtomicFile.WriteAllText(path, plan.Text, FileModePolicy.OwnerOnly, plan.ReadAs);
}
