namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// An ESC environment definition cannot be read or edited safely. The message names the line and column (1-based)
/// and the problem, never a value: definitions SecretSync edits hold its plaintext secrets until the PATCH.
/// </summary>
internal class EscDefinitionException : SecretSyncException
{
    /// <summary>Creates the exception; <paramref name="line"/> and <paramref name="column"/> are 0 when unknown.</summary>
    public EscDefinitionException(int line, int column, string problem, Exception? innerException = null)
        : base(line > 0 ? $"ESC environment definition, line {line}, column {column}: {problem}" : $"ESC environment definition: {problem}", innerException)
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>1-based line of the problem, 0 when it concerns the whole document.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without values.</summary>
    public string Problem { get; }
}
