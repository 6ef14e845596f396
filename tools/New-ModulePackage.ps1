<#
.SYNOPSIS
    Packs the built module folder (out/SecretSync) as a versioned .nupkg that Install-PSResource installs from a
    file-system or internal NuGet repository.
.DESCRIPTION
    Uses PSResourceGet's own Compress-PSResource (in-box in pwsh 7.4+), so the package is exactly what
    Publish-PSResource would upload: an organisation publishes it to its own feed with
    `Publish-PSResource -NupkgPath <file> -Repository <internal>` and pins that version in the sync workflow.
.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModulePath ./out/SecretSync -DestinationPath ./out/packages
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DestinationPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$manifest = Import-PowerShellDataFile (Join-Path $ModulePath 'SecretSync.psd1')
if ($manifest.ModuleVersion -eq '0.0.0') { throw "$ModulePath is the unbuilt module source: run build.ps1 -Task Build first." }
$null = New-Item -ItemType Directory -Force $DestinationPath
$package = Join-Path $DestinationPath "SecretSync.$($manifest.ModuleVersion).nupkg"
if (Test-Path -LiteralPath $package) { Remove-Item -LiteralPath $package -Force }

Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
Compress-PSResource -Path $ModulePath -DestinationPath $DestinationPath
if (-not (Test-Path -LiteralPath $package)) { throw "Compress-PSResource did not write $package." }
Get-Item -LiteralPath $package
