<#
.SYNOPSIS
    Measures how many small requests per second the SecretSync emulator serves on loopback.
.DESCRIPTION
    Starts out/emulator/SecretSync.Emulator.dll on a free port, then runs a few concurrent HttpClient loops (compiled
    with Add-Type, so that the client side is not the bottleneck) against a mix of small GitHub and ESC GETs.
    Issue 3: the emulator must serve at least 2,000 small requests per second, so that benchmarks of the module
    measure the module. (wrk would do as well where installed; it is not needed.)
#>
[CmdletBinding()]
param(
    [Alias('RepoRoot')]
    [string] $Root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path,
    [int] $Seconds = 5,
    [int] $Concurrency = 8
)

$ErrorActionPreference = 'Stop'
$dll = Join-Path $Root 'out/emulator/SecretSync.Emulator.dll'
if (-not (Test-Path -LiteralPath $dll)) { throw "Emulator not built: $dll (run build.ps1 -Task Build)" }

if (-not ('SecretSyncBench.LoadLoop' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SecretSyncBench
{
    public static class LoadLoop
    {
        public static long[] Run(string baseUrl, string token, string[] paths, int concurrency, int seconds)
        {
            var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "token " + token);
            long ok = 0, failed = 0;
            var until = DateTime.UtcNow.AddSeconds(seconds);
            var workers = new Task[concurrency];
            for (var w = 0; w < concurrency; w++)
            {
                var offset = w;
                workers[w] = Task.Run(async () =>
                {
                    var i = offset;
                    while (DateTime.UtcNow < until)
                    {
                        using var response = await client.GetAsync(paths[i++ % paths.Length]).ConfigureAwait(false);
                        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        if (response.IsSuccessStatusCode) { Interlocked.Increment(ref ok); } else { Interlocked.Increment(ref failed); }
                    }
                });
            }
            Task.WaitAll(workers);
            return new[] { ok, failed };
        }
    }
}
'@
}

$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($argument in $dll, '--port', '0', '--token', 'bench-token') { $start.ArgumentList.Add($argument) }
$start.RedirectStandardInput = $true
$start.RedirectStandardOutput = $true
$start.UseShellExecute = $false
$process = [System.Diagnostics.Process]::Start($start)
try {
    $first = $process.StandardOutput.ReadLine()
    if ($first -notmatch '(http://127\.0\.0\.1:\d+)$') { throw "Unexpected first line: $first" }
    $url = $Matches[1] + '/'
    $headers = @{ Authorization = 'token bench-token' }
    Invoke-RestMethod -Uri "${url}api/esc/environments/bench" -Method Post -Headers $headers -ContentType 'application/json' -Body '{"project":"app","name":"dev"}' | Out-Null
    Invoke-RestMethod -Uri "${url}api/esc/environments/bench/app/dev" -Method Patch -Headers $headers -ContentType 'application/x-yaml' -Body "values:`n  a: 1`n  pw: {fn::secret: x}`n" | Out-Null
    $paths = @('api/v3/orgs/bench/actions/secrets/public-key', 'api/esc/environments/bench/app/dev', 'api/v3/orgs/bench/actions/secrets?per_page=100')

    [SecretSyncBench.LoadLoop]::Run($url, 'bench-token', $paths, $Concurrency, 1) | Out-Null   # warm-up (JIT, connections)
    $counts = [SecretSyncBench.LoadLoop]::Run($url, 'bench-token', $paths, $Concurrency, $Seconds)
    $rate = [math]::Round($counts[0] / $Seconds)
    if ($counts[1] -gt 0) { Write-Warning "$($counts[1]) requests failed" }
    Write-Host "Emulator throughput: $rate req/s ($Concurrency clients, $Seconds s, $($counts[0]) requests)"
    [pscustomobject]@{
        Issue = 3; Name = 'Emulator throughput, small GETs on loopback'
        Measured = "$rate req/s"; Baseline = 'floor 2,000 req/s'; Ratio = '{0:0.0}x the floor' -f ($rate / 2000)
        Target = '>= 2,000 req/s'; Met = $rate -ge 2000
    }
}
finally {
    $process.StandardInput.Close()
    if (-not $process.WaitForExit(10000)) { $process.Kill($true) }
    $process.Dispose()
}
