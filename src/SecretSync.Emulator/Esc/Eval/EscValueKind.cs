namespace SecretSync.Emulator.Esc.Eval;

internal enum EscValueKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}
