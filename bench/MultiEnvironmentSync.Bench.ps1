<#
.SYNOPSIS
    Issue 17: the 27 catalogued secrets to 20 environments of secretsync.json at 50 ms emulator latency: at most 3 ESC
    requests per environment, and at least 5 times faster than syncing the environments one after another.
.DESCRIPTION
    One pwsh process, one emulator (--latency-ms 50), two sets of 20 environments with the same starting definition
    (a small hand-written one, so each sync reads, checks and writes: the full three requests). Measured: one
    Sync-SophiaSecret to all 20 (default -ThrottleLimit 10). Baseline: 20 Sync-SophiaSecret calls, one per
    environment, one after another (what a script or workflow without `environments` does today). Both after a
    warm-up sync on a third environment.
#>
param([Parameter(Mandatory)] [string] $Root)
. (Join-Path $PSScriptRoot 'BenchHost.ps1')
$body = @'
$emulator = Start-TestEmulator -RepoRoot $Root -ArgumentList '--latency-ms', '50'
$folder = Join-Path ([IO.Path]::GetTempPath()) "secretsync-bench-envs-$PID"
$null = New-Item -ItemType Directory -Path $folder -Force
try {
    $names = @((Get-SophiaSecretCatalog).Name)
    if ($names.Count -ne 27) { throw "expected the 27 catalogued secrets, found $($names.Count)" }
    $records = foreach ($name in $names) { [pscustomobject]@{ Name = $name; Value = "value-$name-" + [guid]::NewGuid() } }
    $environments = [ordered]@{}
    foreach ($i in 1..20) {
        $environments["env$i"] = @{ esc = "bench/sophia/env$i" }
        New-EmulatorEscEnvironment $emulator -Environment "bench/sophia/env$i" -Yaml "values:`n  app: {region: eu}`n"
        New-EmulatorEscEnvironment $emulator -Environment "bench/sophia/one$i" -Yaml "values:`n  app: {region: eu}`n"
    }
    @{ environments = $environments } | ConvertTo-Json -Depth 4 | Set-Content (Join-Path $folder 'secretsync.json')
    Set-Location $folder
    New-EmulatorEscEnvironment $emulator -Environment bench/sophia/warm -Yaml "values:`n  app: {region: eu}`n"
    $null = $records | Sync-SophiaSecret -Environment bench/sophia/warm
    Clear-EmulatorRequest $emulator

    $watch = [Diagnostics.Stopwatch]::StartNew()
    $results = @($records | Sync-SophiaSecret)
    $ours = $watch.Elapsed.TotalSeconds
    $requests = @(Get-EmulatorRequest $emulator)
    if (@($results | Where-Object Action -EQ 'Added').Count -ne 27 * 20) { throw "the sync did not add 27 secrets to each of 20 environments ($($results.Count) results)" }
    # yaml/check names the organisation only; every other request names its environment, which may see one GET and one PATCH.
    $perEnvironment = $requests.Count / 20
    $mostOnOne = ($requests | Where-Object path -NotLike '*/yaml/check' | Group-Object path | Measure-Object Count -Maximum).Maximum
    if ($mostOnOne -gt 2) { throw "one environment saw $mostOnOne requests besides its check" }
    $revisions = @($requests | Where-Object { $_.method -eq 'PATCH' }).Count

    $watch.Restart()
    foreach ($i in 1..20) { $null = $records | Sync-SophiaSecret -Environment "bench/sophia/one$i" }
    $sequential = $watch.Elapsed.TotalSeconds
    "$ours $($requests.Count) $perEnvironment $revisions $sequential"
} finally {
    Set-Location ([IO.Path]::GetTempPath())
    Remove-Item -LiteralPath $folder -Recurse -Force
    Stop-TestEmulator $emulator
}
'@
$line = Invoke-EmulatorBench -Root $Root -Name envs -Body $body
$ours, $requests, $perEnvironment, $revisions, $sequential = $line -split ' '
$ours = [double] $ours; $sequential = [double] $sequential; $requests = [int] $requests; $perEnvironment = [double] $perEnvironment; $revisions = [int] $revisions
[pscustomobject]@{
    Issue = 17; Name = '27 secrets to 20 environments (50 ms latency)'
    Measured = '{0:0.00} s, {1} ESC requests ({2:0.#} per environment), {3} revisions' -f $ours, $requests, $perEnvironment, $revisions
    Baseline = 'one environment after another {0:0.00} s' -f $sequential
    Ratio = '{0:0.0}x faster' -f ($sequential / $ours)
    Target = '<= 3 requests per environment, >= 5x faster'; Met = $perEnvironment -le 3 -and $revisions -eq 20 -and ($sequential / $ours) -ge 5
}
