using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>An ESC diagnostic: summary text and the source range it points at. Summaries never contain values.</summary>
internal sealed record Diagnostic(SourceRange? Range, string Summary, bool IsWarning = false);
