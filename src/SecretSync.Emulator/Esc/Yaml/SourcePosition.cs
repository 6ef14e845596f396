namespace SecretSync.Emulator.Esc.Yaml;

/// <summary>1-based line and column plus the 0-based character offset, as ESC diagnostics report them.</summary>
internal readonly record struct SourcePosition(int Line, int Column, int Offset);
