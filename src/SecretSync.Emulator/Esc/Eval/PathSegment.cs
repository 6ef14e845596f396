namespace SecretSync.Emulator.Esc.Eval;

/// <summary>One step of a property path: a key (<c>.a</c>, <c>["a"]</c>) or an index (<c>[0]</c>).</summary>
internal readonly record struct PathSegment(string? Key, int? Index)
{
    public override string ToString() => Key ?? $"[{Index}]";
}
