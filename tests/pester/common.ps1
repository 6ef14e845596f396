# Imported by every *.Tests.ps1: loads the BUILT module (out/SecretSync), never the sources.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $script:RepoRoot 'out/SecretSync/SecretSync.psd1'
if (-not (Get-Module SecretSync)) {
    Import-Module $script:ModuleManifest -ErrorAction Stop
}
