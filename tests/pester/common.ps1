# Dot-sourced by every *.Tests.ps1 in its BeforeAll: strict settings, the BUILT module (out/SecretSync, never the
# sources) and the emulator's helpers (Emulator.ps1 starts and stops it, EmulatorSeed.ps1 fills it).
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $script:RepoRoot 'out/SecretSync/SecretSync.psd1'
if (-not (Get-Module SecretSync)) {
    Import-Module $script:ModuleManifest -ErrorAction Stop
}
. (Join-Path $PSScriptRoot 'Emulator.ps1')
. (Join-Path $PSScriptRoot 'EmulatorSeed.ps1')
