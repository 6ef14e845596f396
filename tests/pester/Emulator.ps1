# Test helpers: start the built SecretSync emulator on a free port, point the module's environment at it, stop it.
# Dot-source this file; the emulator must have been built to <repo>/out/emulator (build.ps1 -Task Build).

$script:EmulatorSavedEnvironment = $null

function Start-TestEmulator {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        # Repository root; defaults to two levels above this file.
        [string] $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path,
        [string] $Token = 'test-token',
        # Extra emulator arguments, e.g. '--latency-ms', '5' or '--run-seconds', '1'.
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSeconds = 30
    )

    $dll = Join-Path $RepoRoot 'out/emulator/SecretSync.Emulator.dll'
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "Emulator not built: $dll (run build.ps1 -Task Build)"
    }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--port', '0', '--token', $Token) + $ArgumentList) {
        $start.ArgumentList.Add($argument)
    }
    # Redirected stdin: closing it is how Stop-TestEmulator (or our own death) ends the emulator.
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or $null -eq $read.Result) {
        if (-not $process.HasExited) { $process.Kill($true) }
        throw 'The emulator did not report its address in time.'
    }
    if ($read.Result -notmatch '^SecretSync emulator listening on (http://127\.0\.0\.1:\d+)$') {
        $process.Kill($true)
        throw "Unexpected first line from the emulator: $($read.Result)"
    }
    $url = $Matches[1]

    $script:EmulatorSavedEnvironment = @{}
    foreach ($name in 'PULUMI_BACKEND_URL', 'PULUMI_ACCESS_TOKEN', 'GITHUB_API_URL', 'GITHUB_TOKEN') {
        $script:EmulatorSavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    }
    $env:PULUMI_BACKEND_URL = $url
    $env:PULUMI_ACCESS_TOKEN = $Token
    $env:GITHUB_API_URL = "$url/api/v3"
    $env:GITHUB_TOKEN = $Token

    [pscustomobject]@{
        PSTypeName = 'SecretSync.TestEmulator'
        Url        = $url
        Token      = $Token
        Process    = $process
    }
}

function Stop-TestEmulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [pscustomobject] $Emulator,
        [int] $TimeoutSeconds = 10
    )

    process {
        $process = $Emulator.Process
        if (-not $process.HasExited) {
            $process.StandardInput.Close()
            if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
                $process.Kill($true)
                $process.WaitForExit()
            }
        }
        $process.Dispose()

        if ($null -ne $script:EmulatorSavedEnvironment) {
            foreach ($entry in $script:EmulatorSavedEnvironment.GetEnumerator()) {
                [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value)
            }
            $script:EmulatorSavedEnvironment = $null
        }
    }
}

function Invoke-EmulatorApi {
    # Calls the emulator: /_emulator/* test endpoints need no token; API paths get the token unless -NoToken.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [pscustomobject] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        [object] $Body,
        [switch] $NoToken
    )

    $parameters = @{
        Uri                = $Emulator.Url + '/' + $Path.TrimStart('/')
        Method             = $Method
        SkipHttpErrorCheck = $true
        StatusCodeVariable = 'status'
    }
    if (-not $NoToken -and -not $Path.TrimStart('/').StartsWith('_emulator')) {
        $parameters.Headers = @{ Authorization = "token $($Emulator.Token)" }
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 10 -Compress }
        $parameters.ContentType = 'application/json'
    }
    $response = Invoke-RestMethod @parameters
    [pscustomobject]@{ StatusCode = $status; Body = $response }
}
