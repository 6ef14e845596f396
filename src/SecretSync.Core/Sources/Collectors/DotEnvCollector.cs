using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Sources.Collectors;

/// <summary>
/// The secret keys of each .env file (see <see cref="DotEnvKeySelector"/>), in file order, with their
/// <c>file:line</c> origin. A malformed file yields no record at all; a key without '=' is declared, not set.
/// </summary>
internal sealed class DotEnvCollector
{
    // Only keys shaped like variable names are named in messages; anything else may be pasted text.
    private static readonly Regex s_plainName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly SecretRecordFactory _factory;
    private readonly Func<string, string?> _environment;
    private readonly DotEnvKeySelector _selector;
    private readonly ISyncReporter _reporter;

    /// <param name="factory">Makes the records.</param>
    /// <param name="environment">Read-only lookup for <c>${VAR}</c> not defined earlier in the file (python-dotenv reads os.environ).</param>
    /// <param name="selector">Which keys are secrets of this system.</param>
    /// <param name="reporter">Verbose messages about the keys left out.</param>
    public DotEnvCollector(SecretRecordFactory factory, Func<string, string?> environment, DotEnvKeySelector selector, ISyncReporter reporter)
    {
        _factory = factory;
        _environment = environment;
        _selector = selector;
        _reporter = reporter;
    }

    /// <summary>
    /// Records of <paramref name="path"/> as <paramref name="dialect"/> reads it; throws <see cref="DotEnvParseException"/>
    /// before returning any when that reader rejects the file. python-dotenv's entries stream from the reader into
    /// records, so the file's statements are never all held at once.
    /// </summary>
    public List<SecretRecord> Collect(string path, DotEnvDialect dialect = DotEnvDialect.PythonDotenv)
    {
        var entries = dialect == DotEnvDialect.DotNetEnv ? DotEnvReader.ReadFile(path, _environment, dialect) : DotEnvReader.EnumerateFile(path, _environment);
        var records = new List<SecretRecord>();
        var configuration = new List<string>();
        foreach (var entry in entries)
        {
            if (!entry.HasValue)
            {
                // python-dotenv's None: load_dotenv sets nothing, so an earlier value of the same key is gone too. The
                // key is not named: a line without '=' may be a pasted secret.
                var dropped = records.RemoveAll(r => r.Name == entry.Key) > 0 ? " (an earlier line's value of that key no longer counts either)" : string.Empty;
                _reporter.Verbose($"{entry.Origin}: a key without '=' is declared without a value, so not set{dropped}; skipped. Write NAME=value to set it.");
                continue;
            }

            if (!_selector.IsSecret(entry.Key))
            {
                configuration.Add(s_plainName.IsMatch(entry.Key) ? $"{entry.Key} (line {entry.Line})" : $"a key on line {entry.Line}");
                continue;
            }

            records.Add(_factory.WithValue(entry.Key, SecretSource.DotEnv, entry.Origin, entry.Value));
        }

        if (configuration.Count > 0)
        {
            _reporter.Verbose($"{Path.GetFileName(path)}: not secrets of this system (outside the catalog, the SERVICE_CREDENTIAL_TYPE convention and the patterns of secretsync.json), skipped: {string.Join(", ", configuration)}. Name one with -Name to read it anyway.");
        }

        return records;
    }
}
