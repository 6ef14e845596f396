namespace SecretSync.Emulator.Esc;

internal enum EscUpdateOutcome
{
    Saved,
    NotFound,
    Conflict,
}
