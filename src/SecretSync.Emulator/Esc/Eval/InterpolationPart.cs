namespace SecretSync.Emulator.Esc.Eval;

/// <summary>A piece of a scanned string: literal text (with <c>$$</c> already unescaped) or a property access.</summary>
internal sealed record InterpolationPart(string? Literal, List<PathSegment>? Access);
