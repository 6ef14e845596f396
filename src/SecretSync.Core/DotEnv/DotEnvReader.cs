namespace SecretSync.Core.DotEnv;

/// <summary>
/// Reads .env files in a <see cref="DotEnvDialect"/>: by default as python-dotenv 1.2.2's <c>dotenv_values</c> does,
/// but strictly: where python-dotenv would skip a statement with a warning this throws
/// <see cref="DotEnvParseException"/> and returns nothing from the file. Never writes the process environment; the
/// python dialect reads it only through the lookup the caller passes.
/// </summary>
internal static class DotEnvReader
{
    /// <summary>A lookup over the process environment, read-only; pass it to expand <c>${VAR}</c> from it.</summary>
    public static string? ProcessEnvironment(string name) =>
        name.Length == 0 || name.IndexOf('=') >= 0 || name.IndexOf('\0') >= 0 ? null : Environment.GetEnvironmentVariable(name);

    /// <summary>A lookup that knows no variable: <c>${VAR}</c> sees only earlier keys of the file.</summary>
    public static string? NoEnvironment(string name) => null;

    /// <summary>
    /// Reads <paramref name="path"/> (UTF-8; a UTF-8 or UTF-16 BOM is honoured and removed) as python-dotenv does. A
    /// missing file throws <see cref="FileNotFoundException"/>: check existence first if it is optional.
    /// </summary>
    /// <exception cref="DotEnvParseException">The file is not valid UTF-8 or has a statement we will not guess about.</exception>
    public static IReadOnlyList<DotEnvEntry> ReadFile(string path, Func<string, string?> environmentLookup) =>
        ReadFile(path, environmentLookup, DotEnvDialect.PythonDotenv);

    /// <summary>Reads <paramref name="path"/> in <paramref name="dialect"/>; see <see cref="Parse(string, string, Func{string, string?}, DotEnvDialect)"/>.</summary>
    /// <exception cref="DotEnvParseException">The file is not valid UTF-8 or the dialect rejects it.</exception>
    public static IReadOnlyList<DotEnvEntry> ReadFile(string path, Func<string, string?> environmentLookup, DotEnvDialect dialect) =>
        Parse(DotEnvFileText.Read(path), path, environmentLookup, dialect);

    /// <summary>
    /// The python-dotenv entries of <paramref name="path"/> one at a time (see <see cref="Read"/>): for large files,
    /// nothing but the file's text and the entry in hand is held.
    /// </summary>
    /// <exception cref="DotEnvParseException">The file is not valid UTF-8 or has a statement we will not guess about.</exception>
    public static IEnumerable<DotEnvEntry> EnumerateFile(string path, Func<string, string?> environmentLookup) =>
        Read(DotEnvFileText.Read(path), path, environmentLookup);

    /// <summary>
    /// Parses .env text as python-dotenv does. Every statement becomes an entry, in file order; duplicate keys are all
    /// returned (python-dotenv and DotNetEnv's env vars keep the last one: callers that want a map take the last). A
    /// key without '=' is an entry without a value (<see cref="DotEnvEntry.HasValue"/> false): declared, not set.
    /// <c>${VAR}</c> and <c>${VAR:-default}</c> expand from earlier keys of this text first, then from <paramref name="lookup"/>.
    /// </summary>
    /// <param name="text">File content; a leading U+FEFF is removed.</param>
    /// <param name="displayPath">Names the file in errors and in <see cref="DotEnvEntry.Origin"/>.</param>
    /// <param name="lookup">Resolves names the file does not define; <see cref="ProcessEnvironment"/> or <see cref="NoEnvironment"/>.</param>
    public static IReadOnlyList<DotEnvEntry> Parse(string text, string displayPath, Func<string, string?> lookup) =>
        new List<DotEnvEntry>(Read(text, displayPath, lookup));

    /// <summary>
    /// Parses .env text in <paramref name="dialect"/>. <see cref="DotEnvDialect.DotNetEnv"/> is DotNetEnv 3.0.0's own
    /// parse (<c>Env.LoadContents</c> with NoEnvVars): it resolves <c>$NAME</c> from the process environment itself,
    /// not from <paramref name="lookup"/>, and, as with DotNetEnv's NoEnvVars, not from earlier keys of the file (its #92).
    /// </summary>
    public static IReadOnlyList<DotEnvEntry> Parse(string text, string displayPath, Func<string, string?> lookup, DotEnvDialect dialect) =>
        dialect == DotEnvDialect.DotNetEnv ? DotNetEnvDialectReader.Parse(StripBom(text), displayPath) : Parse(text, displayPath, lookup);

    /// <summary>
    /// What a loader ends with: each key's last entry, in the order keys first appear (a Dictionary keeps insertion
    /// order while nothing is removed).
    /// </summary>
    public static Dictionary<string, DotEnvEntry> LastByKey(IEnumerable<DotEnvEntry> entries)
    {
        var last = new Dictionary<string, DotEnvEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            last[entry.Key] = entry;
        }

        return last;
    }

    /// <summary>
    /// The python-dotenv entries of <paramref name="text"/> one at a time, in one pass: each statement is scanned,
    /// decoded and interpolated before the next is read, so nothing holds the whole file's statements. Throws
    /// <see cref="DotEnvParseException"/> where a bad statement starts, after yielding the entries before it.
    /// </summary>
    public static IEnumerable<DotEnvEntry> Read(string text, string displayPath, Func<string, string?> lookup)
    {
        string body = StripBom(text);
        string fileName = Path.GetFileName(displayPath);
        var decoder = new PythonValueDecoder(body);
        var interpolation = new DotEnvInterpolation(lookup, body);
        bool interpolates = interpolation.IsNeeded;
        foreach (var statement in DotEnvScanner.Scan(body, displayPath))
        {
            if (statement.Quoting == ValueQuoting.None)
            {
                // python-dotenv's None: not set. A later ${KEY} reads "" and ignores its default, as python's does.
                if (interpolates)
                {
                    interpolation.Define(statement.Key, string.Empty);
                }

                yield return new DotEnvEntry(statement.Key, string.Empty, statement.Line, statement.Column, hasValue: false, fileName);
                continue;
            }

            string value = decoder.Decode(statement);
            if (interpolates)
            {
                value = interpolation.Expand(value);
                interpolation.Define(statement.Key, value);
            }

            yield return new DotEnvEntry(statement.Key, value, statement.Line, statement.Column, hasValue: true, fileName);
        }
    }

    /// <summary>
    /// python-dotenv keeps a BOM in the first key (its #640, a bug); DotNetEnv's file loading and node's dotenv drop
    /// it, and so do we.
    /// </summary>
    internal static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
}
