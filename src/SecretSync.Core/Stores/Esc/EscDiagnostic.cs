namespace SecretSync.Core.Stores.Esc;

/// <summary>One diagnostic ESC reported about a definition (1-based line and column).</summary>
public sealed class EscDiagnostic
{
    public EscDiagnostic(int line, int column, string summary, string severity)
    {
        Line = line;
        Column = column;
        Summary = summary;
        Severity = severity;
    }

    public int Line { get; }

    public int Column { get; }

    public string Summary { get; }

    /// <summary>"error" or "warning".</summary>
    public string Severity { get; }
}
