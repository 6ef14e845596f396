namespace SecretSync;

/// <summary>Where Set-SophiaSecret writes.</summary>
public enum SecretTarget
{
    /// <summary>The Pulumi ESC environment (one revision for all records of one call).</summary>
    Esc,

    /// <summary>GitHub organisation Actions secrets.</summary>
    GitHubOrg,
}
