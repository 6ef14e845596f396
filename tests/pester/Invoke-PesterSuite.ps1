<#
.SYNOPSIS
    Runs every tests/pester/*.Tests.ps1 against the built module in this (fresh) pwsh and writes the counts as JSON.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -MinimumVersion 5.7.1

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
# Child pwsh processes started by tests write plain text: colour codes in a failure message are noise to read
# and control characters the NUnit XML cannot hold.
$env:NO_COLOR = '1'
# The NUnit report is written after the counts, and its failure only warns: the counts are what CI reads, and a
# report that cannot be written (a control character in some message) must not lose them.
$configuration.TestResult.Enabled = $false
$result = Invoke-Pester -Configuration $configuration

# A container that failed to load (syntax error, failing BeforeAll) has no failed tests of its own: count it.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
@{ Passed = $result.PassedCount; Failed = $failed } | ConvertTo-Json | Set-Content -LiteralPath $ResultPath
try {
    $result | Export-NUnitReport -Path ([IO.Path]::ChangeExtension($ResultPath, '.xml'))
} catch {
    Write-Warning "The NUnit report was not written: $($_.Exception.Message)"
}
