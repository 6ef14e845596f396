BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'The module package (build.ps1 -Task Package)' {
    It 'installs with Install-PSResource from a file-system repository into a clean module path and imports' {
        $work = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $feed = Join-Path $work 'feed'
        $home_ = Join-Path $work 'home'
        $null = New-Item -ItemType Directory $feed, $home_
        try {
            $package = & (Join-Path $RepoRoot 'tools/New-ModulePackage.ps1') -ModulePath (Split-Path $ModuleManifest) -DestinationPath $feed
            $version = (Import-PowerShellDataFile $ModuleManifest).ModuleVersion
            $package.Name | Should -Be "SecretSync.$version.nupkg"

            # A child pwsh with its own HOME: the repository registration and the CurrentUser module path are new
            # and empty, so nothing of this machine's own modules can satisfy the import.
            $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name OrgFeed -Uri '$feed' -Trusted
Install-PSResource -Name SecretSync -Version '$version' -Repository OrgFeed -Scope CurrentUser -TrustRepository -Quiet
`$installed = Get-InstalledPSResource -Name SecretSync
`$module = Import-Module SecretSync -RequiredVersion '$version' -PassThru
[pscustomobject]@{ Installed = `$installed.InstalledLocation; Base = `$module.ModuleBase; Cmdlets = `$module.ExportedCmdlets.Count; Check = (Test-SophiaSecretName LINEAR_API_KEY) } | ConvertTo-Json -Compress
"@
            $pwsh = Join-Path $PSHOME 'pwsh.dll'
            $saved = $env:HOME, $env:PSModulePath, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME, $env:XDG_CACHE_HOME
            try {
                $env:HOME = $home_; $env:PSModulePath = $null
                $env:XDG_DATA_HOME = $null; $env:XDG_CONFIG_HOME = $null; $env:XDG_CACHE_HOME = $null
                $output = & dotnet $pwsh -NoProfile -NonInteractive -Command $script 2>&1
            } finally {
                $env:HOME, $env:PSModulePath, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME, $env:XDG_CACHE_HOME = $saved
            }
            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
            $result = ($output | Select-Object -Last 1) | ConvertFrom-Json
            $result.Base | Should -BeLike "$home_*"
            $result.Cmdlets | Should -Be (Import-PowerShellDataFile $ModuleManifest).CmdletsToExport.Count
            $result.Check | Should -BeTrue
        } finally {
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
