<#
.SYNOPSIS
    Runs every bench/*.Bench.ps1 against the built module and writes bench/RESULTS.md.
.DESCRIPTION
    Each benchmark script takes -Root and returns objects with Issue, Name, Measured, Baseline, Ratio, Target and Met.
    Figures are measured side by side in one run (a baseline and the thing measured, alternating), never as
    absolute timings against a fixed budget alone: the machines are noisy.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $Root)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$results = [System.Collections.Generic.List[object]]::new()
foreach ($script in Get-ChildItem (Join-Path $Root 'bench') -Filter *.Bench.ps1 | Sort-Object Name) {
    Write-Host "== $($script.BaseName)"
    foreach ($result in & $script.FullName -Root $Root) {
        $results.Add($result)
        Write-Host ("   {0}: {1} (baseline {2}; {3}; target {4}) {5}" -f $result.Name, $result.Measured, $result.Baseline, $result.Ratio, $result.Target, $(if ($result.Met) { 'MET' } else { 'NOT MET' }))
    }
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$lines = @(
    '# Benchmark results'
    ''
    "Written by ``build.ps1 -Task Bench`` on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC."
    "Machine: $([Environment]::ProcessorCount) cores$(if ($cpu) { " ($cpu)" }), $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), .NET $([Environment]::Version), PowerShell $($PSVersionTable.PSVersion)."
    'Every figure is measured side by side with its baseline in the same run; see each bench/*.Bench.ps1 for the method.'
    ''
    '| Issue | Benchmark | Measured | Baseline | Ratio | Target | Met |'
    '|---|---|---|---|---|---|---|'
)
foreach ($r in $results) {
    $lines += "| $($r.Issue) | $($r.Name) | $($r.Measured) | $($r.Baseline) | $($r.Ratio) | $($r.Target) | $(if ($r.Met) { 'yes' } else { '**no**' }) |"
}
if ($results.Count -eq 0) { $lines += '| - | no benchmarks yet | | | | | |' }
$lines | Set-Content (Join-Path $Root 'bench/RESULTS.md')
Write-Host "Wrote bench/RESULTS.md ($($results.Count) figures)."
if ($results | Where-Object { -not $_.Met }) { Write-Host 'Some targets were not met.'; exit 1 }
