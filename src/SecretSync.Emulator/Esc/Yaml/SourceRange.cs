namespace SecretSync.Emulator.Esc.Yaml;

/// <summary>Where a definition node sits: environment ("project/env"), begin and end.</summary>
internal sealed record SourceRange(string Environment, SourcePosition Begin, SourcePosition End);
