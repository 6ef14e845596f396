<#
.SYNOPSIS
    Rotation runbook: put new values in ESC, push them to the GitHub organisation, run the sync workflow, check drift.
.DESCRIPTION
    1. Set the new value(s) in Pulumi ESC (prompted, masked, when -Value is not given).
    2. Push them from ESC to the GitHub organisation secrets (sealed boxes; unchanged ones are skipped).
    3. Start the unified sync workflow and wait for it, so everything downstream of GitHub is refreshed.
    4. Compare all sources and stop with an error when anything is not in sync.
    Reads secretsync.json for the environment, organisation and repository; pass them to override.
.EXAMPLE
    ./examples/Rotate-SophiaSecret.ps1 -Name SLACK_BOT_TOKEN, SLACK_APP_TOKEN
.NOTES
    Needs PULUMI_ACCESS_TOKEN and GITHUB_TOKEN (and PULUMI_BACKEND_URL / GITHUB_API_URL for another endpoint, e.g.
    the emulator: see the README's "Try it against the emulator"), and a secretsync.json in the current folder or
    above naming escEnvironment, githubOrganization and githubRepository.
.EXAMPLE
    ./examples/Rotate-SophiaSecret.ps1 -Name 'SLACK_*' -SkipSet -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [SupportsWildcards()] [string[]] $Name,
    [string] $Environment,
    [string] $Organization,
    [string] $Repository,
    # Push what ESC already holds (the new values were set there another way).
    [switch] $SkipSet,
    [timespan] $Timeout = [timespan]::FromMinutes(15)
)
$ErrorActionPreference = 'Stop'
# Run from a clone, the module is the clone's build (out/, after `./build.ps1 -Task Build`), which is not on
# PSModulePath; installed, it is found by name. A module already imported is kept.
if (-not (Get-Module SecretSync)) {
    $built = Join-Path $PSScriptRoot '../out/SecretSync/SecretSync.psd1'
    if (Test-Path -LiteralPath $built) { Import-Module $built } else { Import-Module SecretSync }
}
if (-not $SkipSet -and ($Name | Where-Object { [WildcardPattern]::ContainsWildcardCharacters($_) })) {
    throw 'Wildcards select what ESC already holds: use them with -SkipSet, or name each secret to set.'
}

$common = @{}
if ($Environment) { $common.Environment = $Environment }
$org = @{}
if ($Organization) { $org.Organization = $Organization }

if (-not $SkipSet) {
    foreach ($secret in $Name) {
        Set-SophiaSecret -Name $secret -Target Esc @common
    }
}

Get-SophiaSecret -Source Esc -Name $Name @common | Set-SophiaSecret -Target GitHubOrg @common @org

$repositoryArgs = @{}
if ($Repository) { $repositoryArgs.Repository = $Repository }
if ($PSCmdlet.ShouldProcess('the secret sync workflow', 'Start and wait')) {
    Start-SophiaSecretSync @repositoryArgs -Wait -Timeout $Timeout -ErrorAction Stop
}

$drift = Compare-SophiaSecret -Name $Name @common @org | Where-Object Status -NE 'InSync'
if ($drift) {
    $drift | Format-Table Name, Status, Hint -AutoSize -Wrap
    throw "Rotation left $(@($drift).Count) secret(s) out of sync; see the hints above."
}
"Rotated: $($Name -join ', ')"
