namespace SecretSync.Core.Records.Secrets;

/// <summary>Where a <see cref="SecretRecord"/> was collected.</summary>
public enum SecretSource
{
    /// <summary>The process environment.</summary>
    Environment,

    /// <summary>A .env file.</summary>
    DotEnv,

    /// <summary>GitHub organisation Actions secrets (names and dates only: GitHub never returns values).</summary>
    GitHub,

    /// <summary>A Pulumi ESC environment.</summary>
    Esc,
}
