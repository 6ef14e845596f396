<#
.SYNOPSIS
    Issue 6: pushing 100 org secrets makes one public-key request and is at least 3 times faster than one at a time;
    re-pushing the same 100 with 10 changed makes exactly 10 PUTs. Emulator with 50 ms added latency; pacing raised
    for the bench (githubWriteLimits in a temporary secretsync.json).
.DESCRIPTION
    Baseline, in the same run: the one-at-a-time loop of `gh secret set` (public key + sealed PUT per secret,
    sequential). Also shown: Set-SophiaSecret -ThrottleLimit 1, to separate batching from concurrency.
#>
param([Parameter(Mandatory)] [string] $Root)
. (Join-Path $PSScriptRoot 'BenchHost.ps1')
$body = @'
$folder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "secretsync-bench-push-$PID")
Set-Location $folder
Set-Content secretsync.json '{ "githubWriteLimits": { "perMinute": 100000, "perHour": 100000 } }'
$emulator = Start-TestEmulator -RepoRoot $Root -ArgumentList '--latency-ms', '50'
try {
    function New-Records([string] $prefix, [int] $changed = 0) {
        foreach ($i in 1..100) {
            $value = if ($i -le $changed) { "changed-$i" } else { "value-$i" }
            [SecretSync.Core.Records.Secrets.SecretRecord]::new("$($prefix)$($i)_API_KEY", 'Environment', 'bench', [SecretSync.Core.Records.Secrets.SecretRecord]::Protect($value))
        }
    }
    New-EmulatorEscEnvironment $emulator -Environment bench/default/ledger -Yaml ''
    $null = New-Records WARM | Select-Object -First 8 | Set-SophiaSecret -Target GitHubOrg -Organization warm

    # The rotation runbook's shape: values come from ESC, so the ledger can know a value unchanged (a value ESC does
    # not hold is pushed every time: the ledger keeps nothing from which it could be guessed).
    $null = New-Records OURS | Sync-SophiaSecret -Environment bench/ledger -Force
    $fromEsc = Get-SophiaSecret -Source Esc -Environment bench/ledger -Name OURS*
    Clear-EmulatorRequest $emulator
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = $fromEsc | Set-SophiaSecret -Target GitHubOrg -Organization bench -Environment bench/ledger
    $ours = $watch.Elapsed.TotalSeconds
    $keyRequests = @(Get-EmulatorRequest $emulator | Where-Object path -Like '*/public-key').Count

    $watch.Restart()
    $null = New-Records SEQ | Set-SophiaSecret -Target GitHubOrg -Organization sequential -ThrottleLimit 1
    $sequential = $watch.Elapsed.TotalSeconds

    $headers = @{ Authorization = "token $($emulator.Token)" }
    $watch.Restart()
    foreach ($record in New-Records LOOP) {
        $key = Invoke-RestMethod -Uri "$($emulator.Url)/api/v3/orgs/loop/actions/secrets/public-key" -Headers $headers
        $body = @{ encrypted_value = ([SecretSync.Core.Records.Secrets.SecretRecord].Assembly.GetType('SecretSync.Core.Stores.GitHub.Crypto.SealedBox'))::SealToBase64($record.RevealValue(), $key.key); key_id = $key.key_id; visibility = 'all' } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Put -Uri "$($emulator.Url)/api/v3/orgs/loop/actions/secrets/$($record.Name)" -Headers $headers -Body $body -ContentType 'application/json'
    }
    $loop = $watch.Elapsed.TotalSeconds

    Start-Sleep -Milliseconds 1100   # GitHub's updated_at has one-second resolution
    $null = New-Records OURS -changed 10 | Sync-SophiaSecret -Environment bench/ledger -Force
    $fromEsc = Get-SophiaSecret -Source Esc -Environment bench/ledger -Name OURS*
    Clear-EmulatorRequest $emulator
    $null = $fromEsc | Set-SophiaSecret -Target GitHubOrg -Organization bench -Environment bench/ledger
    $puts = @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'PUT').Count
    "$ours $keyRequests $sequential $loop $puts"
} finally {
    Stop-TestEmulator $emulator
    Set-Location $Root
    Remove-Item $folder -Recurse -Force
}
'@
$line = Invoke-EmulatorBench -Root $Root -Name push -Body $body
$f = $line -split ' '
$ours = [double] $f[0]; $keys = [int] $f[1]; $sequential = [double] $f[2]; $loop = [double] $f[3]; $puts = [int] $f[4]
[pscustomobject]@{
    Issue = 6; Name = 'Push 100 org secrets (50 ms latency)'
    Measured = '{0:0.00} s, {1} public-key request' -f $ours, $keys
    Baseline = 'one at a time (key + PUT each) {0:0.00} s; -ThrottleLimit 1 {1:0.00} s' -f $loop, $sequential
    Ratio = '{0:0.0}x faster' -f ($loop / $ours)
    Target = '1 key request, >= 3x faster'; Met = $keys -eq 1 -and ($loop / $ours) -ge 3
}
[pscustomobject]@{
    Issue = 6; Name = 'Re-push the same 100 from ESC with 10 changed'
    Measured = "$puts PUTs"; Baseline = '100 PUTs without the ledger'; Ratio = '{0:0.0}x fewer writes' -f (100 / [math]::Max(1, $puts))
    Target = 'exactly 10 PUTs'; Met = $puts -eq 10
}
