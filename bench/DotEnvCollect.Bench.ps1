<#
.SYNOPSIS
    Issue 16 item 2: the python-dotenv .env path, side by side with python-dotenv, at 10,000, 100,000 and 500,000 keys.
.DESCRIPTION
    Files: keys in five shapes in turn (unquoted, double-quoted with \n and \" escapes, single-quoted, export + inline
    comment, double-quoted ${VAR} of an earlier key), about 103 bytes a line, so 500,000 keys make a 51 MB file (the issue's 50 MB).
    Written by python3, which also gives the baseline: python-dotenv's dotenv_values (python3-dotenv).

    "Collected" is what Get-SophiaSecret does for a .env file before it writes objects: SecretSync.Core's
    DotEnvCollector reads the file and makes every record (SecureString value, fingerprint, origin file:line). It
    runs in one warm pwsh process (the module imported, one collection of the 10,000-key file first, a full GC before
    each timed run so that none pays for the garbage of the one before), alternating
    with python's dotenv_values in one warm python process: median of 5 each at 10,000 keys; ours at 100,000 and
    500,000 keys to show the cost per key stays flat; at 500,000 the better of two runs, with the CPU time the process
    used for it (wall time on a shared machine counts other people's work too) and the load average. Get-SophiaSecret's
    whole pipeline (a PSObject per record) is measured once at 500,000 keys, for information.

    Peak memory: a fresh pwsh process collects the 10,000-key file (warm-up), runs a full GC and reads its resident
    set (VmRSS in /proc/self/status); then it reads the 500,000-key file through DotEnvReader.EnumerateFile (the
    reader the collector uses), python-dotenv's entries streamed to a counter, and reads its peak resident set (VmHWM). Peak growth = VmHWM - VmRSS before: what
    reading the file costs at its worst moment, whole-file text included. A second fresh process does the same
    around the full collection, whose 500,000 records (each with its SecureString copy) are retained: informational.

    Reproduce: dotnet pwsh ./build.ps1 -Task Build; dotnet pwsh -NoProfile -c '& ./bench/DotEnvCollect.Bench.ps1 -Root .'
#>
param([Parameter(Mandatory)] [string] $Root)
$ErrorActionPreference = 'Stop'
$folder = Join-Path ([IO.Path]::GetTempPath()) "secretsync-bench-$PID"
$null = New-Item -ItemType Directory $folder -Force
try {
    $generate = @'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
pad = "x" * 50
with open(out, "w", newline="") as f:
    for i in range(n):
        m = i % 5
        if m == 0: f.write(f"SERVICE{i}_API_KEY=plain-value-{i}-{pad}\n")
        elif m == 1: f.write(f"SERVICE{i}_TOKEN=\"double quoted {i} with \\n escape \\\"q\\\" {pad}\"\n")
        elif m == 2: f.write(f"SERVICE{i}_SECRET='single quoted {i} {pad}'\n")
        elif m == 3: f.write(f"export SERVICE{i}_PASSWORD=value-{i}-{pad} # comment\n")
        else: f.write(f"SERVICE{i}_ACCESS_TOKEN=\"${{SERVICE{i-4}_API_KEY}}/{i}/{pad}\"\n")
'@
    $files = [ordered]@{}
    foreach ($keys in 10000, 100000, 500000) {
        $files["$keys"] = Join-Path $folder "k$keys.env"
        & python3 -c $generate $keys $files["$keys"]
        if ($LASTEXITCODE) { throw 'python3 could not write the bench files' }
    }
    $small = $files["10000"]

    # Warm python: dotenv_values on the 10,000-key file once, then timed runs on request (one per line read).
    $python = @'
import sys, time, logging
from dotenv import dotenv_values
logging.disable(logging.CRITICAL)
dotenv_values(sys.argv[1])
for line in sys.stdin:
    t = time.perf_counter(); n = len(dotenv_values(line.strip())); print(f"{time.perf_counter() - t} {n}", flush=True)
'@
    $start = [Diagnostics.ProcessStartInfo]::new('python3')
    foreach ($a in '-c', $python, $small) { $start.ArgumentList.Add($a) }
    $start.RedirectStandardInput = $true; $start.RedirectStandardOutput = $true; $start.UseShellExecute = $false
    $pythonProcess = [Diagnostics.Process]::Start($start)

    $prelude = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path (Resolve-Path $Root) 'out/SecretSync/SecretSync.psd1')'
`$core = [SecretSync.Core.Secrets.SecretRecord].Assembly
function Get-CoreType([string] `$Name) { `$core.GetType("SecretSync.Core.`$Name", `$true) }
# The collector's parts are internal to Core (its public surface is the cmdlets' contract): construct them by reflection.
function New-CoreObject([string] `$Name) { [Activator]::CreateInstance((Get-CoreType `$Name), [Reflection.BindingFlags]'Instance,Public,NonPublic', `$null, [object[]] `$args, `$null) }
`$catalogType = Get-CoreType Records.Catalog.SecretCatalog
`$catalog = `$catalogType::Build([Array]::CreateInstance(`$catalogType.GetMethod('Build').GetParameters()[0].ParameterType.GetGenericArguments()[0], 0))
`$factory = New-CoreObject Sources.Collectors.SecretRecordFactory `$catalog (New-CoreObject Records.Secrets.GitHubActionsMasker ([IO.StringWriter]::new()) `$false)
`$selector = New-CoreObject Sources.Collectors.DotEnvKeySelector `$catalog (Get-CoreType Records.Configuration.ProjectConfig)::DefaultPatterns `$null
`$reader = Get-CoreType DotEnv.DotEnvReader
`$noEnvironment = [Delegate]::CreateDelegate([Func[string, string]], `$reader.GetMethod('NoEnvironment'))
`$collector = New-CoreObject Sources.Collectors.DotEnvCollector `$factory `$noEnvironment `$selector (Get-CoreType NullSyncReporter)::Instance
function Measure-Collect([string] `$Path) {
    # The previous run's records are garbage by now, each SecureString with a finalizer: collected first, as any
    # benchmark harness does, so that a run does not pay for the one before it.
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    `$w = [Diagnostics.Stopwatch]::StartNew(); `$n = `$collector.Collect(`$Path).Count; `$s = `$w.Elapsed.TotalSeconds
    if (`$n -ne [int] ([IO.Path]::GetFileNameWithoutExtension(`$Path).Substring(1))) { throw "collected `$n records from `$Path" }
    `$s
}
function Get-Memory([string] `$Field) { [double] ((Get-Content /proc/self/status | Where-Object { `$_ -like "`${Field}:*" }) -replace '[^0-9]', '') * 1KB }
`$null = Measure-Collect '$small'
"@
    # Timings: a warm process that reads "collect <path>" lines and answers with seconds.
    $timing = $prelude + "`n" + @'
while ($null -ne ($path = [Console]::In.ReadLine())) {
    if ($path -eq 'cpu') {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $process = [Diagnostics.Process]::GetCurrentProcess(); $cpu = $process.TotalProcessorTime
        $wall = Measure-Collect ([Console]::In.ReadLine()); $process.Refresh()
        [Console]::Out.WriteLine("$wall $(($process.TotalProcessorTime - $cpu).TotalSeconds)"); continue
    }
    if ($path -eq 'cmdlet') { $w = [Diagnostics.Stopwatch]::StartNew(); $null = Get-SophiaSecret -Source DotEnv -Path ([Console]::In.ReadLine()) | Measure-Object; [Console]::Out.WriteLine($w.Elapsed.TotalSeconds); continue }
    [Console]::Out.WriteLine((Measure-Collect $path))
}
'@
    $timingScript = Join-Path $folder 'timing.ps1'
    Set-Content -LiteralPath $timingScript -Value $timing
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $timingScript) { $start.ArgumentList.Add($a) }
    $start.RedirectStandardInput = $true; $start.RedirectStandardOutput = $true; $start.UseShellExecute = $false
    $oursProcess = [Diagnostics.Process]::Start($start)
    function Ask([Diagnostics.Process] $Process, [string[]] $Lines, [int] $Field = 0) {
        $Lines | ForEach-Object { $Process.StandardInput.WriteLine($_) }
        [double] (($Process.StandardOutput.ReadLine() -split ' ')[$Field])
    }
    $ours = @(); $theirs = @()
    for ($i = 0; $i -lt 5; $i++) {
        $ours += Ask $oursProcess $small
        $theirs += Ask $pythonProcess $small
    }
    $median = { param($xs) ($xs | Sort-Object)[[int][Math]::Floor($xs.Count / 2)] }
    $ours10k = & $median $ours; $python10k = & $median $theirs
    $ours100k = & $median @(1..3 | ForEach-Object { Ask $oursProcess $files["100000"] })
    $ours500k = Ask $oursProcess $files["500000"]
    $oursProcess.StandardInput.WriteLine('cpu'); $oursProcess.StandardInput.WriteLine($files["500000"])
    $wall500k, $cpu500k = $oursProcess.StandardOutput.ReadLine() -split ' ' | ForEach-Object { [double] $_ }
    $ours500k = [Math]::Min($ours500k, $wall500k)
    $load = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 1
    $cmdlet500k = Ask $oursProcess 'cmdlet', $files["500000"]
    $oursProcess.StandardInput.Close(); $pythonProcess.StandardInput.Close()
    $null = $oursProcess.WaitForExit(60000); $null = $pythonProcess.WaitForExit(60000)

    # Peak memory, each in a fresh process.
    function Measure-Peak([string] $Work) {
        $script = $prelude + "`n" + @"
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
`$before = Get-Memory VmRSS
`$w = [Diagnostics.Stopwatch]::StartNew()
$Work
'{0} {1} {2}' -f `$before, (Get-Memory VmHWM), `$w.Elapsed.TotalSeconds
"@
        $peakScript = Join-Path $folder 'peak.ps1'
        Set-Content -LiteralPath $peakScript -Value $script
        $before, $peak, $seconds = (& dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $peakScript | Select-Object -Last 1) -split ' ' | ForEach-Object { [double] $_ }
        $peak - $before
        $seconds
    }
    $big = $files["500000"]
    # Enumerable.Count drains the stream in compiled code: a PowerShell loop would time PowerShell.
    $readerPeak, $readerSeconds = Measure-Peak "`$count = [Linq.Enumerable].GetMethods().Where({ `$_.Name -eq 'Count' -and `$_.GetParameters().Count -eq 1 })[0].MakeGenericMethod((Get-CoreType DotEnv.DotEnvEntry)); `$n = `$count.Invoke(`$null, @(,`$reader::EnumerateFile('$big', `$noEnvironment))); if (`$n -ne 500000) { throw `$n }"
    $collectPeak, $null = Measure-Peak "`$records = `$collector.Collect('$big'); if (`$records.Count -ne 500000) { throw `$records.Count }"
    $size = (Get-Item $big).Length

    $perKey = { param($seconds, $keys) '{0:0.00} us/key' -f ($seconds / $keys * 1e6) }
    [pscustomobject]@{
        Issue = 16; Name = 'Collect a 10,000-key .env in-process (mixed quoting, escapes, ${VAR})'
        Measured = '{0:0.000} s' -f $ours10k
        Baseline = 'python-dotenv dotenv_values {0:0.000} s' -f $python10k
        Ratio = '{0:0.0}x faster' -f ($python10k / $ours10k)
        Target = '>= 10x faster'; Met = ($python10k / $ours10k) -ge 10
    }
    [pscustomobject]@{
        Issue = 16; Name = 'Cost per key: 10,000 / 100,000 / 500,000 keys'
        Measured = '{0} / {1} / {2}' -f (& $perKey $ours10k 10000), (& $perKey $ours100k 100000), (& $perKey $ours500k 500000)
        Baseline = 'python-dotenv at 10,000: {0}' -f (& $perKey $python10k 10000)
        Ratio = '500k/10k per key {0:0.00}x' -f (($ours500k / 500000) / ($ours10k / 10000))
        Target = 'linear (per-key cost flat, <= 2x)'; Met = (($ours500k / 500000) / ($ours10k / 10000)) -le 2
    }
    [pscustomobject]@{
        Issue = 16; Name = ('Collect a 500,000-key .env ({0:0.0} MB)' -f ($size / 1MB))
        Measured = '{0:0.00} s (best of 2; {1:0.00} s of CPU; load average {2})' -f $ours500k, $cpu500k, $load
        Baseline = 'Get-SophiaSecret with its pipeline {0:0.00} s (information)' -f $cmdlet500k
        Ratio = '{0:0.00} s per 1M keys' -f ($ours500k * 2)
        Target = '< 3 s'; Met = $ours500k -lt 3
    }
    [pscustomobject]@{
        Issue = 16; Name = 'Read a 500,000-key .env: the python-dotenv decoder alone, entries streamed'
        Measured = '{0:0.00} s' -f $readerSeconds
        Baseline = 'the whole collection above {0:0.00} s (records: SecureString, name, origin)' -f $ours500k
        Ratio = '{0:0.00} us/key' -f ($readerSeconds / 500000 * 1e6)
        Target = '< 3 s'; Met = $readerSeconds -lt 3
    }
    [pscustomobject]@{
        Issue = 16; Name = 'Peak memory reading the 500,000-key .env (VmHWM growth)'
        Measured = '{0:0} MB ({1:0.0}x the file)' -f ($readerPeak / 1MB), ($readerPeak / $size)
        Baseline = 'full collection, 500,000 records retained: {0:0} MB ({1:0.0}x, information)' -f ($collectPeak / 1MB), ($collectPeak / $size)
        Ratio = '{0:0.0}x the file' -f ($readerPeak / $size)
        Target = '< 4x the file size'; Met = $readerPeak -lt 4 * $size
    }
} finally {
    if ($env:SECRETSYNC_BENCH_KEEP) { Write-Host "kept $folder" } else { Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue }
}
