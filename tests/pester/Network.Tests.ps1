# The HTTP layer as a user meets it: racing syncs under latency, approval-gated environments, GitHub rate limits
# without Retry-After, and plain-http endpoints. Behaviours and their sources: docs/SERVICES.md, "Errors, retries
# and rate limits"; security reasoning: docs/SECURITY.md, "Network".
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # 150 ms on every API request: the latency at which racing syncs used to fail (issue 12, item 11).
    $script:Emulator = Start-TestEmulator -ArgumentList '--latency-ms', '150'

    function Get-Opened([string] $Environment) {
        $map = @{}
        foreach ($record in Get-SophiaSecret -Source Esc -Environment $Environment -AsPlainText) { $map[$record.Name] = $record.Value }
        $map
    }

    function Get-ErrorOf([scriptblock] $Script) {
        try {
            & $Script
        } catch {
            return $_
        }
        throw 'expected the command to fail'
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Sync-SophiaSecret under contention' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/contended -Yaml ''
    }

    It 'lands all of 10 racing writers at 150 ms latency, every key of each in the final revision' {
        $results = 1..10 | ForEach-Object -ThrottleLimit 10 -Parallel {
            $ErrorActionPreference = 'Stop'
            Import-Module $using:ModuleManifest
            $prefix = 'RACER{0:D2}' -f $_
            try {
                $null = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "$($prefix)_$($_)_API_KEY"; Value = "$prefix-value-$_" } } |
                    Sync-SophiaSecret -Environment acme/contended -WarningAction SilentlyContinue
                [pscustomobject]@{ Prefix = $prefix; Ok = $true; Error = $null }
            } catch {
                [pscustomobject]@{ Prefix = $prefix; Ok = $false; Error = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
            }
        }

        @($results | Where-Object { -not $_.Ok } | ForEach-Object Error) | Should -BeNullOrEmpty
        @($results).Count | Should -Be 10
        $opened = Get-Opened acme/contended
        foreach ($i in 1..10) {
            foreach ($j in 1..3) {
                $name = 'RACER{0:D2}_{1}_API_KEY' -f $i, $j
                $opened[$name] | Should -BeExactly ('RACER{0:D2}-value-{1}' -f $i, $j) -Because "$name was synced and nothing may be lost"
            }
        }
    }
}

Describe 'Approval-gated ESC environments' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/gated -Yaml "values:`n  app:`n    region: eu-west-1`n"
        $null = Invoke-EmulatorApi $Emulator /_emulator/esc/approvals -Method POST -Body @{ environment = 'acme/default/gated'; updates = $true; opens = $true }
    }

    It 'refuses a sync with its own ErrorId, says what to do, and does not retry' {
        Clear-EmulatorRequest $Emulator

        $failure = Get-ErrorOf { Sync-SophiaSecret -Name GATED_API_KEY -Value 'gated-value-123' -Environment acme/gated }

        $failure.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.EscApprovalRequired,SecretSync.Commands.SyncSophiaSecretCommand'
        $failure.Exception.Message | Should -Match 'change request'
        $failure.Exception.Message | Should -Match 'bypass'
        @(Get-EmulatorRequest $Emulator | Where-Object method -EQ 'PATCH').Count | Should -Be 1
    }

    It 'refuses to read values when opens need approval, with its own ErrorId' {
        $failure = Get-ErrorOf { Get-SophiaSecret -Source Esc -Environment acme/gated -AsPlainText }

        $failure.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.EscOpenApprovalRequired,SecretSync.Commands.GetSophiaSecretCommand'
        $failure.Exception.Message | Should -Match 'open request'
    }
}

Describe 'GitHub rate limits without Retry-After' {
    BeforeAll {
        Reset-Emulator $Emulator
        Set-EmulatorGitHubSecret $Emulator -Organization acme -Name 'LIMITED_API_KEY'
    }

    It 'waits until x-ratelimit-reset, then succeeds' {
        Clear-EmulatorRequest $Emulator
        Add-EmulatorFault $Emulator @{ pathPrefix = '/api/v3/orgs/acme/actions/secrets'; count = 1; status = 429; resetSeconds = 2; message = 'API rate limit exceeded for user ID 1.' }

        $records = Get-SophiaSecret -Source GitHub -Organization acme

        $records.Name | Should -Contain 'LIMITED_API_KEY'
        $requests = @(Get-EmulatorRequest $Emulator | Where-Object path -Like '/api/v3/orgs/acme/actions/secrets*')
        $requests.Count | Should -Be 2
        $requests[0].status | Should -Be 429
    }

    It 'gives up at once, saying until when, when the reset is far away' {
        Clear-EmulatorRequest $Emulator
        Add-EmulatorFault $Emulator @{ pathPrefix = '/api/v3/orgs/acme/actions/secrets'; count = 5; status = 403; resetSeconds = 3600; message = 'API rate limit exceeded for user ID 1.' }

        $failure = Get-ErrorOf { Get-SophiaSecret -Source GitHub -Organization acme }
        Clear-EmulatorFault $Emulator

        $failure.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ServiceUnavailable,SecretSync.Commands.GetSophiaSecretCommand'
        $failure.Exception.Message | Should -Match 'rate limit is exhausted until \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ'
        @(Get-EmulatorRequest $Emulator | Where-Object path -Like '/api/v3/orgs/acme/actions/secrets*').Count | Should -Be 1
    }
}

Describe 'Plain-http endpoints' {
    BeforeEach {
        $script:SavedUrl = $env:PULUMI_BACKEND_URL
        $script:SavedAllow = $env:SECRETSYNC_ALLOW_INSECURE_ENDPOINT
        $env:SECRETSYNC_ALLOW_INSECURE_ENDPOINT = $null
    }
    AfterEach {
        $env:PULUMI_BACKEND_URL = $SavedUrl
        $env:SECRETSYNC_ALLOW_INSECURE_ENDPOINT = $SavedAllow
    }

    It 'refuses http:// off loopback before sending the token, naming the variable and the opt-in' {
        $env:PULUMI_BACKEND_URL = 'http://esc.example.invalid'

        $failure = Get-ErrorOf { Sync-SophiaSecret -Name PLAIN_API_KEY -Value 'plain-value-123' -Environment acme/plain }

        $failure.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InsecureEndpoint,SecretSync.Commands.SyncSophiaSecretCommand'
        $failure.Exception.Message | Should -Match 'PULUMI_BACKEND_URL'
        $failure.Exception.Message | Should -Match 'SECRETSYNC_ALLOW_INSECURE_ENDPOINT'
    }

    It 'keeps the emulator on loopback allowed' {
        $env:PULUMI_BACKEND_URL = $Emulator.Url.Replace('127.0.0.1', 'localhost')
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/loopback -Yaml "values:`n  app:`n    region: eu-west-1`n"

        $null = Sync-SophiaSecret -Name LOOPBACK_API_KEY -Value 'loopback-value-123' -Environment acme/loopback

        (Get-Opened acme/loopback)['LOOPBACK_API_KEY'] | Should -BeExactly 'loopback-value-123'
    }
}
