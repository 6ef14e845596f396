<#
.SYNOPSIS
    What the emulator benches share, dot-sourced by them: a bench body runs in a fresh pwsh with the built module
    and the test emulator's helpers loaded, and its last line of output is the answer.
.DESCRIPTION
    A fresh process per bench, so that no bench measures another's warm caches or garbage. A bench that runs its
    process its own way (Invoke-SophiaCommand's redirects stdout) uses $BenchPrelude alone. Invoke-Benchmarks.ps1
    skips this file (it is not *.Bench.ps1).
#>

# Loaded at the top of every bench body.
$BenchPrelude = @'
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $Root 'out/SecretSync/SecretSync.psd1')
. (Join-Path $Root 'tests/pester/Emulator.ps1')
. (Join-Path $Root 'tests/pester/EmulatorSeed.ps1')
'@

function Invoke-EmulatorBench {
    param(
        [Parameter(Mandatory)] [string] $Root,
        # Names the temporary script (secretsync-bench-<Name>-<pid>.ps1).
        [Parameter(Mandatory)] [string] $Name,
        # The bench itself: it sees $Root, and its last line of output is returned.
        [Parameter(Mandatory)] [string] $Body
    )
    # Absolute: a body may change its location (the push bench works in a folder of its own).
    $Root = (Resolve-Path -LiteralPath $Root).Path
    $file = Join-Path ([IO.Path]::GetTempPath()) "secretsync-bench-$Name-$PID.ps1"
    Set-Content -LiteralPath $file -Value ("param(`$Root)`n" + $BenchPrelude + "`n" + $Body)
    try {
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file -Root $Root | Select-Object -Last 1
    } finally { Remove-Item -LiteralPath $file }
}
