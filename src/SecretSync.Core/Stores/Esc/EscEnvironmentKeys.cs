namespace SecretSync.Core.Stores.Esc;

/// <summary>Names ESC gives meaning to inside a definition (reference §6).</summary>
internal static class EscEnvironmentKeys
{
    public const string EnvironmentVariables = "environmentVariables";
}
