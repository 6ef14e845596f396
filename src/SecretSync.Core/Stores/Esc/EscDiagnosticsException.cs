namespace SecretSync.Core.Stores.Esc;

/// <summary>ESC refused a definition (400): each diagnostic is shown as <c>&lt;env&gt;:&lt;line&gt;:&lt;col&gt;: &lt;summary&gt;</c>, as the ESC CLI does.</summary>
public sealed class EscDiagnosticsException : ServiceException
{
    public EscDiagnosticsException(string host, EnvironmentRef environment, IReadOnlyList<EscDiagnostic> diagnostics, string serverMessage)
        : base("Pulumi ESC", host, HttpStatusCode.BadRequest, Format(environment, diagnostics, serverMessage))
    {
        Environment = environment;
        Diagnostics = diagnostics;
    }

    public EnvironmentRef Environment { get; }

    public IReadOnlyList<EscDiagnostic> Diagnostics { get; }

    private static string Format(EnvironmentRef environment, IReadOnlyList<EscDiagnostic> diagnostics, string serverMessage) =>
        diagnostics.Count == 0
            ? $"Pulumi ESC refused the definition of {environment}: {serverMessage}"
            : $"Pulumi ESC refused the definition of {environment}; nothing was written:\n"
              + string.Join("\n", diagnostics.Select(d => $"{environment.QualifiedName}:{d.Line}:{d.Column}: {d.Summary}"));
}
