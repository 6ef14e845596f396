namespace SecretSync.Core.Stores.Esc;

/// <summary>One diagnostic ESC reported about a definition.</summary>
/// <param name="Line">1-based line in the definition's YAML.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Summary">ESC's text.</param>
/// <param name="Severity">"error" or "warning".</param>
public sealed record EscDiagnostic(int Line, int Column, string Summary, string Severity);
