<#
.SYNOPSIS
    Issue 5: 500 secrets sync with at most 3 ESC requests, at least 50 times faster than a per-key read-modify-write
    loop (GET + PATCH per key, as `esc env set` does), against the emulator with 20 ms added latency per request.
    A no-op re-sync makes no PATCH.
.DESCRIPTION
    Both sides run in one pwsh process against one emulator, on two environments with the same starting definition.
    The baseline edits the definition client-side with the same editor (so only the request pattern differs) and
    PATCHes with the ETag after every key, one revision per key.
#>
param([Parameter(Mandatory)] [string] $Root)
. (Join-Path $PSScriptRoot 'BenchHost.ps1')
$body = @'
$emulator = Start-TestEmulator -RepoRoot $Root -ArgumentList '--latency-ms', '20'
try {
    $secrets = foreach ($i in 1..500) { [pscustomobject]@{ Name = "BENCH$($i)_API_KEY"; Value = "value-$i-" + [guid]::NewGuid() } }
    New-EmulatorEscEnvironment $emulator -Environment bench/default/ours -Yaml "values:`n  app: {region: eu}`n"
    New-EmulatorEscEnvironment $emulator -Environment bench/default/loop -Yaml "values:`n  app: {region: eu}`n"
    # Warm up (JIT, connections) on another environment, so the figure is the steady state, as the loop's is.
    New-EmulatorEscEnvironment $emulator -Environment bench/default/warm -Yaml ''
    $null = $secrets | Select-Object -First 20 | Sync-SophiaSecret -Environment bench/warm
    Clear-EmulatorRequest $emulator

    $watch = [Diagnostics.Stopwatch]::StartNew()
    $results = $secrets | Sync-SophiaSecret -Environment bench/ours
    $ours = $watch.Elapsed.TotalSeconds
    $ourRequests = @(Get-EmulatorRequest $emulator).Count
    if (@($results | Where-Object Action -EQ 'Added').Count -ne 500) { throw 'the sync did not add 500 secrets' }

    Clear-EmulatorRequest $emulator
    $null = $secrets | Sync-SophiaSecret -Environment bench/ours
    $noOpPatches = @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'PATCH').Count

    $headers = @{ Authorization = "token $($emulator.Token)" }
    $uri = "$($emulator.Url)/api/esc/environments/bench/default/loop"
    $core = [SecretSync.Core.Records.Secrets.SecretRecord].Assembly
    $escEdit = $core.GetType('SecretSync.Core.Stores.Esc.EscEdit'); $escEditor = $core.GetType('SecretSync.Core.Stores.Esc.Yaml.EscDefinitionEditor')
    $watch.Restart()
    foreach ($secret in $secrets) {
        $get = Invoke-WebRequest -Uri $uri -Headers $headers
        $text = [Text.Encoding]::UTF8.GetString($get.RawContentStream.ToArray())
        $path = 'bench.' + $secret.Name.ToLowerInvariant()
        $edit = $escEdit::SetSecret($secret.Name, $path, $secret.Value)
        $edits = [Array]::CreateInstance($escEdit, 1); $edits[0] = $edit
        $new = $escEditor::Apply($text, $edits)
        $null = Invoke-WebRequest -Uri $uri -Method Patch -Headers ($headers + @{ ETag = "$($get.Headers.ETag)" }) -Body $new -ContentType 'application/json'
    }
    $loop = $watch.Elapsed.TotalSeconds
    "$ours $ourRequests $noOpPatches $loop"
} finally { Stop-TestEmulator $emulator }
'@
$line = Invoke-EmulatorBench -Root $Root -Name sync -Body $body
$ours, $requests, $noOpPatches, $loop = $line -split ' '
$ours = [double] $ours; $loop = [double] $loop; $requests = [int] $requests; $noOpPatches = [int] $noOpPatches
[pscustomobject]@{
    Issue = 5; Name = 'Sync 500 secrets (20 ms latency)'
    Measured = '{0:0.00} s, {1} ESC requests' -f $ours, $requests
    Baseline = 'per-key GET+PATCH loop {0:0.00} s, 1000 requests' -f $loop
    Ratio = '{0:0.0}x faster' -f ($loop / $ours)
    Target = '<= 3 requests, >= 50x faster'; Met = $requests -le 3 -and ($loop / $ours) -ge 50
}
[pscustomobject]@{
    Issue = 5; Name = 'No-op re-sync of the same 500'
    Measured = "$noOpPatches PATCH"; Baseline = 'n/a'; Ratio = 'n/a'
    Target = 'no PATCH'; Met = $noOpPatches -eq 0
}
