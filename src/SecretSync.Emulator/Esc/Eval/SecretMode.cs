namespace SecretSync.Emulator.Esc.Eval;

/// <summary>Whether stored ciphertext is decrypted (open, check with showSecrets) or left unknown (check without).</summary>
internal enum SecretMode
{
    Decrypt,
    Redact,
}
