<#
.SYNOPSIS
    Issue 2: Import-Module adds under 0.5 s to a bare pwsh start.
.DESCRIPTION
    Alternates a bare `pwsh -NoProfile -Command exit` with `pwsh -NoProfile -Command "Import-Module ...; exit"`,
    15 runs each, and compares the medians. Also shows the first cmdlet call (Get-SophiaSecretCatalog), which
    loads the catalog and Core.
#>
param([Parameter(Mandatory)] [string] $Root)
$pwsh = Join-Path $PSHOME 'pwsh.dll'
$manifest = Join-Path $Root 'out/SecretSync/SecretSync.psd1'
$runs = 15
$bare = [System.Collections.Generic.List[double]]::new()
$imported = [System.Collections.Generic.List[double]]::new()
$firstCall = [System.Collections.Generic.List[double]]::new()
function Measure-Start([string] $command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet $pwsh -NoProfile -NonInteractive -Command $command | Out-Null
    $watch.Elapsed.TotalSeconds
}
Measure-Start 'exit' | Out-Null   # warm the disk cache
for ($i = 0; $i -lt $runs; $i++) {
    $bare.Add((Measure-Start 'exit'))
    $imported.Add((Measure-Start "Import-Module '$manifest'; exit"))
    $firstCall.Add((Measure-Start "Import-Module '$manifest'; `$null = Get-SophiaSecretCatalog; exit"))
}
function Get-Median($values) { $sorted = $values | Sort-Object; $sorted[[int][math]::Floor($sorted.Count / 2)] }
$bareMedian = Get-Median $bare
$importMedian = Get-Median $imported
$callMedian = Get-Median $firstCall
$added = $importMedian - $bareMedian
[pscustomobject]@{
    Issue = 2; Name = 'Import-Module cost over a bare pwsh start'
    Measured = '{0:0.000} s ({1:0.000} s with import)' -f $added, $importMedian
    Baseline = 'bare pwsh {0:0.000} s' -f $bareMedian
    Ratio = '{0:0.00}x the bare start' -f ($importMedian / $bareMedian)
    Target = 'adds < 0.5 s'; Met = $added -lt 0.5
}
[pscustomobject]@{
    Issue = 2; Name = 'Import-Module + first Get-SophiaSecretCatalog'
    Measured = '{0:0.000} s added' -f ($callMedian - $bareMedian)
    Baseline = 'bare pwsh {0:0.000} s' -f $bareMedian
    Ratio = '{0:0.00}x the bare start' -f ($callMedian / $bareMedian)
    Target = 'informational'; Met = $true
}
