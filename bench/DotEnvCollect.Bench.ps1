<#
.SYNOPSIS
    Issue 4: a 10,000-key .env file is collected in under 1 s warm.
.DESCRIPTION
    In one warm pwsh process, alternates `Get-SophiaSecret -Source DotEnv -Path big.env` (records, SecureStrings,
    fingerprints) with DotNetEnv's own parse of the same file (Env.NoEnvVars().LoadMulti, values only) as the
    baseline, 7 runs each, and compares the medians.
#>
param([Parameter(Mandatory)] [string] $Root)
$folder = Join-Path ([IO.Path]::GetTempPath()) "secretsync-bench-$PID"
$null = New-Item -ItemType Directory $folder -Force
try {
    $file = Join-Path $folder 'big.env'
    $lines = for ($i = 0; $i -lt 10000; $i++) {
        switch ($i % 4) {
            0 { "SERVICE$($i)_API_KEY=plain-value-$i" }
            1 { "SERVICE$($i)_TOKEN=`"double quoted $i with \n escape`"" }
            2 { "SERVICE$($i)_SECRET='single quoted $i'" }
            3 { "export SERVICE$($i)_PASSWORD=value-$i # comment" }
        }
    }
    Set-Content -LiteralPath $file -Value $lines
    $script = @"
Import-Module '$(Join-Path $Root 'out/SecretSync/SecretSync.psd1')'
Add-Type -Path '$(Join-Path $Root 'out/SecretSync/DotNetEnv.dll')'
`$null = Get-SophiaSecret -Source DotEnv -Path '$file'
`$options = [DotNetEnv.LoadOptions]::new(`$false, `$false, `$false)
`$null = [DotNetEnv.Env]::LoadMulti([string[]] @('$file'), `$options)
`$ours = @(); `$theirs = @()
for (`$i = 0; `$i -lt 7; `$i++) {
    `$w = [Diagnostics.Stopwatch]::StartNew(); `$n = @(Get-SophiaSecret -Source DotEnv -Path '$file').Count; `$ours += `$w.Elapsed.TotalSeconds
    if (`$n -ne 10000) { throw "collected `$n records" }
    `$w = [Diagnostics.Stopwatch]::StartNew(); `$null = @([DotNetEnv.Env]::LoadMulti([string[]] @('$file'), `$options)); `$theirs += `$w.Elapsed.TotalSeconds
}
(`$ours | Sort-Object)[3], (`$theirs | Sort-Object)[3] -join ' '
"@
    $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script
    $ours, $theirs = ($output | Select-Object -Last 1) -split ' ' | ForEach-Object { [double] $_ }
    [pscustomobject]@{
        Issue = 4; Name = 'Collect a 10,000-key .env (warm)'
        Measured = '{0:0.000} s' -f $ours
        Baseline = 'DotNetEnv parse alone {0:0.000} s' -f $theirs
        Ratio = '{0:0.00}x DotNetEnv' -f ($ours / $theirs)
        Target = '< 1 s'; Met = $ours -lt 1
    }
} finally {
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}
