BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'Emulator.ps1')
    . (Join-Path $PSScriptRoot 'EmulatorSeed.ps1')
    $script:Emulator = Start-TestEmulator

    function New-Record([string] $Name, [string] $Value) {
        [SecretSync.Core.Secrets.SecretRecord]::new($Name, 'Environment', 'test', [SecretSync.Core.Secrets.SecretRecord]::Protect($Value))
    }
    function Get-Put { @(Get-EmulatorRequest $Emulator | Where-Object method -EQ 'PUT') }
    function Get-Repositories([string] $Name) {
        (Invoke-EmulatorApi $Emulator "/api/v3/orgs/acme/actions/secrets/$Name/repositories").Body.repositories.name | Sort-Object
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Set-SophiaSecret' {
    BeforeEach {
        Reset-Emulator $Emulator
        Clear-EmulatorFault $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml ''
        Clear-EmulatorRequest $Emulator
    }

    Context 'With -Target GitHubOrg' {
        It 'creates, then updates, with values GitHub can open exactly' {
            $value = "multi`nline ✓ é 🎉 `"quoted`" `$dollar"
            $created = New-Record LINEAR_API_KEY $value | Set-SophiaSecret -Target GitHubOrg -Organization acme
            $created.Action | Should -Be 'Created'
            $created.PSTypeNames[0] | Should -Be 'SecretSync.SetResult'
            $created.UpdatedAt | Should -Not -BeNullOrEmpty
            Get-EmulatorGitHubSecretValue $Emulator acme LINEAR_API_KEY | Should -BeExactly $value
            (New-Record LINEAR_API_KEY 'second' | Set-SophiaSecret -Target GitHubOrg -Organization acme).Action | Should -Be 'Updated'
            Get-EmulatorGitHubSecretValue $Emulator acme LINEAR_API_KEY | Should -BeExactly 'second'
        }

        It 'fetches the public key once for many secrets' {
            $null = 1..6 | ForEach-Object { New-Record "MANY$($_)_API_KEY" "v$_" } | Set-SophiaSecret -Target GitHubOrg -Organization acme -ThrottleLimit 3
            @(Get-EmulatorRequest $Emulator | Where-Object path -Like '*/public-key').Count | Should -Be 1
            @(Get-Put).Count | Should -Be 6
        }

        It 'writes with at most -ThrottleLimit requests in flight' {
            Add-EmulatorFault $Emulator @{ method = 'PUT'; count = 8; delayMs = 300 }
            $null = 1..8 | ForEach-Object { New-Record "BOUNDED$($_)_API_KEY" "v$_" } | Set-SophiaSecret -Target GitHubOrg -Organization acme -ThrottleLimit 2
            $puts = Get-Put
            $puts.Count | Should -Be 8
            ($puts.inFlight | Measure-Object -Maximum).Maximum | Should -Be 2 -Because 'two writes run at once, never more'
        }

        It 'uses the catalog alias GitHub accepts' {
            (New-Record GITHUB_PAT 'pat' | Set-SophiaSecret -Target GitHubOrg -Organization acme).Name | Should -Be 'GITHUB_PAT'
            Get-EmulatorGitHubSecretValue $Emulator acme GH_PAT | Should -BeExactly 'pat'
        }

        It 'refuses names GitHub forbids before any request' {
            $results = New-Record GITHUB_OTHER_TOKEN 'x' | Set-SophiaSecret -Target GitHubOrg -Organization acme -ErrorVariable errs -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InvalidGitHubName,SecretSync.Commands.SetSophiaSecretCommand'
            @(Get-EmulatorRequest $Emulator | Where-Object path -Like '/api/v3/*').Count | Should -Be 0
        }

        It 'keeps visibility and selected repositories on update unless told otherwise' {
            $null = New-Record SHARED_API_KEY 'one' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Visibility selected -SelectedRepository api, web
            Get-Repositories SHARED_API_KEY | Should -Be @('api', 'web')
            $null = New-Record SHARED_API_KEY 'two' | Set-SophiaSecret -Target GitHubOrg -Organization acme
            (Invoke-EmulatorApi $Emulator /api/v3/orgs/acme/actions/secrets/SHARED_API_KEY).Body.visibility | Should -Be 'selected'
            Get-Repositories SHARED_API_KEY | Should -Be @('api', 'web')
            $null = New-Record SHARED_API_KEY 'three' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Visibility private
            (Invoke-EmulatorApi $Emulator /api/v3/orgs/acme/actions/secrets/SHARED_API_KEY).Body.visibility | Should -Be 'private'
        }

        It 'skips an unchanged push and reports a secret changed in GitHub since' {
            $null = New-Record SKIP_API_KEY 'same' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod
            Clear-EmulatorRequest $Emulator
            (New-Record SKIP_API_KEY 'same' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod).Action | Should -Be 'Unchanged'
            @(Get-Put).Count | Should -Be 0

            Start-Sleep -Milliseconds 1100   # GitHub's updated_at has one-second resolution
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name SKIP_API_KEY -Value 'changed elsewhere'
            $result = New-Record SKIP_API_KEY 'same' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Action | Should -Be 'Updated'
            $warnings -join ' ' | Should -Match 'SKIP_API_KEY was changed in GitHub'
            Get-EmulatorGitHubSecretValue $Emulator acme SKIP_API_KEY | Should -BeExactly 'same'
        }

        It 'keeps the push ledger as a secret in ESC, never as plain text' {
            $null = New-Record LEDGER_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod
            $definition = Get-EmulatorEscDefinition $Emulator acme/default/prod
            $definition | Should -Match 'githubPushes:\s+fn::secret: \{ciphertext:'
            $definition | Should -Not -Match 'LEDGER_API_KEY'
        }

        It 'writes every secret without an ESC environment' {
            Push-Location $TestDrive
            try {
                $null = New-Record NOENV_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme
                Clear-EmulatorRequest $Emulator
                (New-Record NOENV_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme).Action | Should -Be 'Updated'
            } finally { Pop-Location }
        }

        It 'says what it would do with -WhatIf and writes nothing' {
            (New-Record WHATIF_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme -WhatIf).Action | Should -Be 'WouldCreate'
            @(Get-Put).Count | Should -Be 0
        }

        It 'goes on after one secret fails, with a non-terminating error for it' {
            Add-EmulatorFault $Emulator @{ method = 'PUT'; pathPrefix = '/api/v3/orgs/acme/actions/secrets/FAIL_API_KEY'; count = 10; status = 422 }
            $results = @((New-Record FAIL_API_KEY 'x'), (New-Record OK_API_KEY 'y')) | Set-SophiaSecret -Target GitHubOrg -Organization acme -ErrorVariable errs -ErrorAction SilentlyContinue
            $results.Name | Should -Be 'OK_API_KEY'
            $errs[0].TargetObject | Should -Be 'FAIL_API_KEY'
        }

        It 'waits out a secondary rate limit and a 429 with Retry-After' {
            Add-EmulatorFault $Emulator @{ method = 'PUT'; count = 1; status = 403; retryAfter = 1; message = 'You have exceeded a secondary rate limit' }
            Add-EmulatorFault $Emulator @{ method = 'PUT'; count = 1; status = 429; retryAfter = 1 }
            (New-Record LIMIT_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme).Action | Should -Be 'Created'
        }

        It 'refuses a value larger than GitHub allows' {
            $null = New-Record HUGE_API_KEY ('x' * 50000) | Set-SophiaSecret -Target GitHubOrg -Organization acme -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ValueTooLarge,SecretSync.Commands.SetSophiaSecretCommand'
        }

        It 'names the organisation and what to do when the token is refused' {
            $saved = $env:GITHUB_TOKEN
            $env:GITHUB_TOKEN = 'bad-token-value'
            try {
                { New-Record A_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme } | Should -Throw -ErrorId 'SecretSync.AuthenticationFailed,SecretSync.Commands.SetSophiaSecretCommand'
                try { New-Record A_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme } catch {
                    $_.Exception.Message | Should -Match 'GITHUB_TOKEN'
                    $_.Exception.Message | Should -Not -Match 'bad-token-value'
                }
            } finally { $env:GITHUB_TOKEN = $saved }
        }
    }

    Context 'With -Target Esc' {
        It 'writes all records of one call as one revision' {
            $before = Get-EmulatorEscRevision $Emulator acme/default/prod
            $results = @((New-Record A_API_KEY 'a'), (New-Record B_API_KEY 'b')) | Set-SophiaSecret -Target Esc -Environment acme/prod
            ($results | Sort-Object Name).Action | Should -Be @('Created', 'Created')
            Get-EmulatorEscRevision $Emulator acme/default/prod | Should -Be ($before + 1)
        }

        It 'warns once when -Name looks like a typo of a catalogued name' {
            $value = ConvertTo-SecureString 'typo-value' -AsPlainText -Force
            $null = Set-SophiaSecret -Name LINEAR_APY_KEY -Value $value -Target Esc -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            @($warnings).Count | Should -Be 1
            "$warnings" | Should -Match 'LINEAR_APY_KEY.*did you mean LINEAR_API_KEY\?'
        }

        It 'refuses to prompt when unattended' {
            $env:CI = 'true'
            try {
                { Set-SophiaSecret -Name LINEAR_API_KEY -Target Esc -Environment acme/prod } | Should -Throw -ErrorId 'SecretSync.ValueRequired,SecretSync.Commands.SetSophiaSecretCommand'
            } finally { Remove-Item env:CI }
        }
    }
}
