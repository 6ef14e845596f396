<#
.SYNOPSIS
    Issue 7: Find-SophiaSecretLeak scans a 10,000-file tree in under 5 s.
.DESCRIPTION
    Generates a git repository of 10,000 small text files in nested folders (about 1 KB each, 20 of them with a
    planted value) and, in one warm pwsh process, alternates `Find-SophiaSecretLeak` (20 known values in every
    spelling it searches: verbatim, URL-encoded, base64 at three alignments; plus tracked-.env and MCP checks) with
    the baseline `git grep -F -f values.txt` (verbatim values only) over the same tracked files, 5 runs each, and
    compares the medians.
#>
param([Parameter(Mandatory)] [string] $Root)
$folder = Join-Path ([IO.Path]::GetTempPath()) "secretsync-leakbench-$PID"
$null = New-Item -ItemType Directory $folder -Force
try {
    $values = 1..20 | ForEach-Object { 'bench-secret-{0:D2}-{1}' -f $_, [guid]::NewGuid().ToString('N') }
    $filler = (1..16 | ForEach-Object { "line $_ of ordinary source text, with words, numbers 12345 and symbols {}();" }) -join "`n"
    for ($d = 0; $d -lt 100; $d++) {
        $dir = Join-Path $folder ('src/module{0:D2}/part{1}' -f ($d % 25), $d)
        $null = New-Item -ItemType Directory $dir -Force
        for ($f = 0; $f -lt 100; $f++) {
            $n = $d * 100 + $f
            $text = if ($n % 500 -eq 7) { "$filler`nkey = `"$($values[[math]::Floor($n / 500)])`"`n" } else { "$filler`n" }
            [IO.File]::WriteAllText((Join-Path $dir "file$f.txt"), $text)
        }
    }
    Set-Content -LiteralPath (Join-Path $folder 'values.txt') -Value $values
    Set-Content -LiteralPath (Join-Path $folder '.gitignore') -Value 'values.txt'
    & git -C $folder init -q
    & git -C $folder add -A
    $list = ($values | ForEach-Object { "'$_'" }) -join ','
    $script = @"
Import-Module '$(Join-Path $Root 'out/SecretSync/SecretSync.psd1')'
`$records = @($list) | ForEach-Object -Begin { `$i = 0 } -Process { [pscustomobject]@{ Name = 'BENCH_{0:D2}_TOKEN' -f `$i++; Value = `$_ } }
`$null = `$records | Find-SophiaSecretLeak -Path '$folder'
`$null = & git -C '$folder' grep -F -l -f values.txt
`$ours = @(); `$theirs = @()
for (`$i = 0; `$i -lt 5; `$i++) {
    `$w = [Diagnostics.Stopwatch]::StartNew(); `$n = @(`$records | Find-SophiaSecretLeak -Path '$folder').Count; `$ours += `$w.Elapsed.TotalSeconds
    if (`$n -ne 20) { throw "found `$n leaks, expected 20" }
    `$w = [Diagnostics.Stopwatch]::StartNew(); `$m = @(& git -C '$folder' grep -F -l -f values.txt).Count; `$theirs += `$w.Elapsed.TotalSeconds
    if (`$m -ne 20) { throw "git grep found `$m files, expected 20" }
}
(`$ours | Sort-Object)[2], (`$theirs | Sort-Object)[2] -join ' '
"@
    $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -WorkingDirectory $folder -Command $script
    $ours, $theirs = ($output | Select-Object -Last 1) -split ' ' | ForEach-Object { [double] $_ }
    [pscustomobject]@{
        Issue = 7; Name = 'Leak scan of a 10,000-file git tree'
        Measured = '{0:0.000} s' -f $ours
        Baseline = 'git grep -F -f (verbatim only) {0:0.000} s' -f $theirs
        Ratio = '{0:0.00}x git grep' -f ($ours / $theirs)
        Target = '< 5 s'; Met = $ours -lt 5
    }
} finally {
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}
