<#
.SYNOPSIS
    Issue 14: Invoke-SophiaCommand's own cost. (1) Overhead: opening the environment (2 requests) and starting the
    child, against running the same child directly, as a ratio. (2) 50 MB of child output through the secret filter
    in at most 3x the time the same child takes writing straight to a file.
.DESCRIPTION
    One warm pwsh process against the emulator, its stdout sent to a file by /bin/sh (so the filtered output goes
    to a file as it would to a log, not to a console). Overhead: `/bin/true` run directly (`& /bin/true`) and
    through Invoke-SophiaCommand with an environment of 20 variables (10 secrets) and one file, alternating, 10 runs
    each, medians. Filter: the child is awk printing 50 MB of log lines (every 1000th holding a secret), once with
    its output redirected by the shell to a file and once through Invoke-SophiaCommand (filtered stream to this
    process's stdout, which is a file), alternating, 3 runs each, medians. The filtered output is checked: the
    right size, the secret lines replaced.
#>
param([Parameter(Mandatory)] [string] $Root)
. (Join-Path $PSScriptRoot 'BenchHost.ps1')
$folder = Join-Path ([IO.Path]::GetTempPath()) "secretsync-runbench-$PID"
$null = New-Item -ItemType Directory $folder -Force
try {
    $script = Join-Path $folder 'bench.ps1'
    Set-Content -LiteralPath $script -Value ("param(`$Root, `$Folder)`n" + $BenchPrelude + "`n" + @'
$emulator = Start-TestEmulator -RepoRoot $Root
try {
    $secret = 'bench-secret-' + [guid]::NewGuid().ToString('N')
    $yaml = "values:`n  environmentVariables:`n" + (-join (1..10 | ForEach-Object { "    PLAIN_$_`: plain-value-$_`n    SECRET_$($_)_TOKEN:`n      fn::secret: `"$secret-$_`"`n" })) + "  files:`n    CERT_FILE:`n      fn::secret: certificate`n"
    New-EmulatorEscEnvironment $emulator -Environment bench/default/run -Yaml $yaml
    $median = { param($list) ($list | Sort-Object)[[math]::Floor($list.Count / 2)] }

    Invoke-SophiaCommand bench/run /bin/true; & /bin/true
    $direct = @(); $ours = @()
    for ($i = 0; $i -lt 10; $i++) {
        $w = [Diagnostics.Stopwatch]::StartNew(); & /bin/true; $direct += $w.Elapsed.TotalSeconds
        $w.Restart(); Invoke-SophiaCommand bench/run /bin/true; $ours += $w.Elapsed.TotalSeconds
        if ($LASTEXITCODE -ne 0) { throw 'the child failed' }
    }

    # 50 MB: 655,360 lines of 80 bytes.
    $awk = 'BEGIN { for (i = 0; i < 655360; i++) { if (i % 1000 == 0) printf "%-79s\n", "token " s; else printf "%-79s\n", "2026-12-02T10:00:00Z INFO request " i " handled in 12 ms by worker 7" } }'
    $file = Join-Path $Folder 'direct.log'
    $toFile = @(); $filtered = @()
    for ($i = 0; $i -lt 3; $i++) {
        $w = [Diagnostics.Stopwatch]::StartNew(); & /bin/sh -c "awk -v s=`"`$SECRET_1_TOKEN`" '$awk' > '$file'"; $toFile += $w.Elapsed.TotalSeconds
        $w.Restart(); Invoke-SophiaCommand bench/run -Name SECRET_* /bin/sh -c "awk -v s=`"`$SECRET_1_TOKEN`" '$awk'"; $filtered += $w.Elapsed.TotalSeconds
    }
    "RESULT {0} {1} {2} {3} {4}" -f (& $median $ours), (& $median $direct), (& $median $filtered), (& $median $toFile), (Get-Item $file).Length | Out-File (Join-Path $Folder 'result.txt')
} finally {
    Stop-TestEmulator $emulator
}
'@)
    $out = Join-Path $folder 'filtered.log'
    & /bin/sh -c "dotnet '$(Join-Path $PSHOME 'pwsh.dll')' -NoProfile -NonInteractive -File '$script' -Root '$Root' -Folder '$folder' > '$out'"
    if ($LASTEXITCODE -ne 0) { throw "the benchmark failed: $(Get-Content -Raw $out -ErrorAction SilentlyContinue | Select-Object -Last 1)" }
    $ours, $direct, $filtered, $toFile, $size = (Get-Content (Join-Path $folder 'result.txt')) -replace '^RESULT ' -split ' ' | ForEach-Object { [double] $_ }
    # Each of the 3 filtered runs wrote the 50 MB (and 656 lines with the secret, now [secret]) to the log.
    $secretLines = @(Select-String -LiteralPath $out -Pattern '^token \[secret\]' -SimpleMatch:$false).Count
    if ($secretLines -ne 3 * 656 -or (Select-String -LiteralPath $out -Pattern 'bench-secret-' -Quiet)) { throw "the filtered output is wrong: $secretLines secret lines" }
    [pscustomobject]@{
        Issue = 14; Name = 'Invoke-SophiaCommand overhead (open + spawn, /bin/true)'
        Measured = '{0:0.000} s' -f $ours
        Baseline = '& /bin/true {0:0.000} s' -f $direct
        Ratio = '{0:0.0}x running it directly ({1:0} ms added)' -f ($ours / $direct), (($ours - $direct) * 1000)
        Target = 'informational'; Met = $true
    }
    [pscustomobject]@{
        Issue = 14; Name = "$([math]::Round($size / 1MB)) MB of child output through the secret filter"
        Measured = '{0:0.00} s' -f $filtered
        Baseline = 'the child writing straight to a file {0:0.00} s' -f $toFile
        Ratio = '{0:0.00}x straight to a file' -f ($filtered / $toFile)
        Target = '<= 3x'; Met = $filtered -le 3 * $toFile
    }
} finally {
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}
