namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// Where the generated sync workflow gets the SecretSync module. The job holds every organisation secret, so the
/// default is the one source the organisation controls without trusting anybody else: the checked-out commit.
/// </summary>
public enum ModuleSource
{
    /// <summary>Build the module from the checked-out repository (build.ps1) at the commit being run and import out/SecretSync.</summary>
    Path,

    /// <summary>Install an exact version from the organisation's own PSResource repository (a NuGet feed at an https URI).</summary>
    Repository,

    /// <summary>Install an exact version from the public PowerShell Gallery: whoever publishes there under the name runs code in the job.</summary>
    Gallery,
}
