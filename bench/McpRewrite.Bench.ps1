<#
.SYNOPSIS
    Issue 7: rewriting a 1 MB MCP config takes under 200 ms.
.DESCRIPTION
    Generates a ~1 MB JSONC MCP config (CRLF, comments, 3,000 servers) whose env blocks, headers, URLs and args
    hard-code 200 known values. In one pwsh process, after 3 warm-up rounds, it alternates 7 runs each on fresh copies of
    `$records | Update-McpConfig -Path <copy>` (parse, detect, splice, atomic write, one finding per secret) with
    the naive rewrite as the baseline: Get-Content -Raw | ConvertFrom-Json | ConvertTo-Json | Set-Content of the
    same file (which would drop every comment and reformat the file). Compares the medians.
#>
param([Parameter(Mandatory)] [string] $Root)
$folder = Join-Path ([IO.Path]::GetTempPath()) "secretsync-bench-mcp-$PID"
$null = New-Item -ItemType Directory $folder -Force
try {
    $names = 0..199 | ForEach-Object { 'SERVICE{0:D3}_API_KEY' -f $_ }
    $values = 0..199 | ForEach-Object { 'sk-bench-{0:D3}-{1}' -f $_, ([guid]::NewGuid().ToString('N')) }
    $builder = [Text.StringBuilder]::new("// generated for the benchmark`r`n{`r`n  `"mcpServers`": {`r`n")
    for ($i = 0; $i -lt 2200; $i++) {
        $v = $values[$i % 200]
        if ($i % 100 -eq 0) { $null = $builder.Append("    // group $($i / 100)`r`n") }
        $null = $builder.Append("    `"server$i`": {`r`n      `"command`": `"npx`",`r`n      `"args`": [`"-y`", `"@acme/mcp-server-$i`", `"--token=$v`"],`r`n")
        $null = $builder.Append("      `"env`": { `"$($names[$i % 200])`": `"$v`", `"LOG_LEVEL`": `"info`" },`r`n")
        $null = $builder.Append("      `"url`": `"https://mcp.example.com/$i/mcp?api_key=$v&region=eu-west-1`",`r`n")
        $null = $builder.Append("      `"headers`": { `"Authorization`": `"Bearer $v`", `"X-Trace`": `"on`" }`r`n    }$(if ($i -lt 2199) { ',' })`r`n")
    }
    $null = $builder.Append("  }`r`n}`r`n")
    $original = Join-Path $folder 'original.json'
    [IO.File]::WriteAllText($original, $builder.ToString())
    $size = (Get-Item $original).Length
    $script = @"
Import-Module '$(Join-Path $Root 'out/SecretSync/SecretSync.psd1')'
`$names = '$($names -join "','")'.Split(',')
`$values = '$($values -join "','")'.Split(',')
`$records = for (`$i = 0; `$i -lt 200; `$i++) { [SecretSync.Core.Records.Secrets.SecretRecord]::new(`$names[`$i], 'DotEnv', 'bench', `$values[`$i]) }
function Copy-Fresh([string] `$name) { `$path = Join-Path '$folder' `$name; Copy-Item -LiteralPath '$original' `$path -Force; `$path }
`$ours = @(); `$theirs = @()
for (`$i = -3; `$i -lt 7; `$i++) {
    `$work = Copy-Fresh 'mcp_config.json'
    `$w = [Diagnostics.Stopwatch]::StartNew()
    `$n = @(`$records | Update-McpConfig -Path `$work -WarningAction SilentlyContinue).Count
    `$elapsed = `$w.Elapsed.TotalSeconds
    if (`$n -ne 8800) { throw "rewrote `$n secrets, expected 8800" }
    `$naive = Copy-Fresh 'naive.json'
    `$w = [Diagnostics.Stopwatch]::StartNew()
    Get-Content -LiteralPath `$naive -Raw | ConvertFrom-Json | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath `$naive
    `$baseline = `$w.Elapsed.TotalSeconds
    if (`$i -ge 0) { `$ours += `$elapsed; `$theirs += `$baseline }
}
(`$ours | Sort-Object)[3], (`$theirs | Sort-Object)[3] -join ' '
"@
    $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script
    $ours, $theirs = ($output | Select-Object -Last 1) -split ' ' | ForEach-Object { [double] $_ }
    [pscustomobject]@{
        Issue = 7; Name = 'Update-McpConfig on a {0:0.0} MB config, 8,800 secrets (warm)' -f ($size / 1MB)
        Measured = '{0:0.000} s' -f $ours
        Baseline = 'ConvertFrom-Json + ConvertTo-Json {0:0.000} s' -f $theirs
        Ratio = '{0:0.00}x the naive rewrite' -f ($ours / $theirs)
        Target = '< 0.2 s'; Met = $ours -lt 0.2
    }
} finally {
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
}
