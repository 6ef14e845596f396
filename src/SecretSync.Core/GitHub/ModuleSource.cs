namespace SecretSync.Core.GitHub;

/// <summary>Where the generated sync workflow gets the SecretSync module from.</summary>
public enum ModuleSource
{
    /// <summary>Install-PSResource from the PowerShell Gallery.</summary>
    Gallery,

    /// <summary>Build the module from the checked-out repository (build.ps1) and import out/SecretSync.</summary>
    Path,
}
