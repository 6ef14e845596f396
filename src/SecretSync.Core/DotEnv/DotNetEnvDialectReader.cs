using DotNetEnv;
using Sprache;

namespace SecretSync.Core.DotEnv;

/// <summary>
/// Reads .env text with DotNetEnv 3.0.0's own parser, as a .NET application that loads the file with DotNetEnv gets
/// it: its grammar (whole file or nothing), escapes (<c>\x41</c>, <c>\u00e9</c>, octal), <c>$NAME</c> and <c>${NAME}</c>
/// from the process environment, CRLF kept inside quotes. NoEnvVars: nothing is set in this process, so, as DotNetEnv
/// documents for that option (its #92), <c>$NAME</c> does not see keys earlier in the same file.
/// </summary>
internal static class DotNetEnvDialectReader
{
    // setEnvVars: false is DotNetEnv's NoEnvVars(): parse only, the process environment stays untouched.
    private static readonly LoadOptions s_parseOnly = new(setEnvVars: false, clobberExistingVars: false, onlyExactPath: true);

    /// <summary>The entries of <paramref name="text"/> (BOM already removed), in file order, duplicates kept.</summary>
    /// <exception cref="DotEnvParseException">DotNetEnv rejects the text; names where its parse stopped.</exception>
    public static List<DotEnvEntry> Parse(string text, string displayPath)
    {
        List<KeyValuePair<string, string>> pairs;
        try
        {
            pairs = new List<KeyValuePair<string, string>>(Env.LoadContents(text, s_parseOnly));
        }
        catch (ParseException e)
        {
            // Sprache's message quotes the text it consumed, which may be a secret: keep only its position.
            int line = e.Position?.Line ?? 1;
            int column = e.Position?.Column ?? 1;
            throw new DotEnvParseException(displayPath, line, column, "DotNetEnv 3.0.0 cannot parse the file from here (it points at the start of the statement it failed on), so a .NET app loading it with DotNetEnv fails. DotNetEnv rejects a name without '=', quotes inside an unquoted value, \\' inside single quotes, a name starting with a digit and lone CR line ends: quote the value in single quotes or write it with Export-SophiaSecret -Format DotEnv");
        }

        var statements = new DotNetEnvStatementLines(text);
        string fileName = Path.GetFileName(displayPath);
        var entries = new List<DotEnvEntry>(pairs.Count);
        foreach (var pair in pairs)
        {
            var (line, column) = statements.Next(pair.Key);
            entries.Add(new DotEnvEntry(pair.Key, pair.Value, line, column, hasValue: true, fileName));
        }

        return entries;
    }
}
