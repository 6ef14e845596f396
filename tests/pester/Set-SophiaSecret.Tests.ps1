BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator

    function New-Record([string] $Name, [string] $Value) {
        [SecretSync.Core.Records.Secrets.SecretRecord]::new($Name, 'Environment', 'test', [SecretSync.Core.Records.Secrets.SecretRecord]::Protect($Value))
    }
    function Get-Put { @(Get-EmulatorRequest $Emulator | Where-Object method -EQ 'PUT') }
    function New-EscRecord([string] $Name, [string] $Value) {
        $null = [pscustomobject]@{ Name = $Name; Value = $Value } | Sync-SophiaSecret -Environment acme/prod
        Get-SophiaSecret -Source Esc -Environment acme/prod -Name $Name
    }
    function Get-Ledger {
        $opened = Open-EmulatorEscEnvironment $Emulator acme/default/prod
        $opened['properties']['secretSync']['value']['githubPushes']['value'] | ConvertFrom-Json -AsHashtable
    }
    function Get-GitHubUpdatedAt([string] $Name) {
        (Invoke-WebRequest -Uri "$($Emulator.Url)/api/v3/orgs/acme/actions/secrets/$Name" -Headers @{ Authorization = "token $($Emulator.Token)" }).Content |
            ConvertFrom-Json -AsHashtable -DateKind String | ForEach-Object { $_['updated_at'] }
    }
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

        It 'skips an unchanged push of ESC''s value and reports a secret changed in GitHub since' {
            $record = New-EscRecord SKIP_API_KEY 'same'
            ($record | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod).Action | Should -Be 'Created'
            Clear-EmulatorRequest $Emulator
            (Get-SophiaSecret -Source Esc -Environment acme/prod -Name SKIP_API_KEY | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod).Action | Should -Be 'Unchanged'
            @(Get-Put).Count | Should -Be 0

            Start-Sleep -Milliseconds 1100   # GitHub's updated_at has one-second resolution
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name SKIP_API_KEY -Value 'changed elsewhere'
            $result = $record | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Action | Should -Be 'Updated'
            $warnings -join ' ' | Should -Match 'SKIP_API_KEY was changed in GitHub'
            Get-EmulatorGitHubSecretValue $Emulator acme SKIP_API_KEY | Should -BeExactly 'same'
        }

        It 'pushes a value ESC does not hold every time, and leaves nothing in ESC to test a guess against' {
            $pin = [SecretSync.Core.Records.Secrets.SecretRecord]::new('DOOR_PASSWORD', 'DotEnv', '.env:3', [SecretSync.Core.Records.Secrets.SecretRecord]::Protect('123456'))
            ($pin | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod).Action | Should -Be 'Created'
            ($pin | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod).Action | Should -Be 'Updated' -Because 'only a value ESC holds can be known unchanged'

            $ledger = Get-Ledger
            $ledger.Keys | Should -Not -Contain 'key'
            @($ledger['pushes']['acme/DOOR_PASSWORD'].Keys | Sort-Object) | Should -Be @('pushedAt', 'updatedAt') -Because 'a push of a value ESC does not hold records when it happened, nothing more'
            $decrypted = (Invoke-WebRequest -Uri "$($Emulator.Url)/api/esc/environments/acme/default/prod/decrypt" -Headers @{ Authorization = "token $($Emulator.Token)" }).Content
            $decrypted | Should -Not -Match '[0-9a-f]{32}' -Because 'no hash or HMAC of any value is kept'
        }

        It 'does not trust a ledger of the old format (HMACs beside their key), and replaces it' {
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name OLD_API_KEY -Value 'same'
            $key = [byte[]]::new(32)
            $hmac = [System.Security.Cryptography.HMACSHA256]::new($key)
            $digest = [Convert]::ToHexString($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes("acme/OLD_API_KEY`nsame"))).ToLowerInvariant()
            $old = @{ version = 1; key = [Convert]::ToBase64String($key); pushes = @{ 'acme/OLD_API_KEY' = @{ hmac = $digest; updatedAt = (Get-GitHubUpdatedAt OLD_API_KEY) } } } | ConvertTo-Json -Compress -Depth 5
            $null = Invoke-EmulatorApi $Emulator /api/esc/environments/acme/default/prod -Method PATCH -Body "values:`n  secretSync:`n    githubPushes:`n      fn::secret: '$old'`n"

            $result = New-Record OLD_API_KEY 'same' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Action | Should -Be 'Updated' -Because 'an old ledger is not trusted to say the value is unchanged'
            $warnings -join ' ' | Should -Match 'older format or damaged and is not trusted'
            $ledger = Get-Ledger
            $ledger['version'] | Should -Be 2
            $ledger.Keys | Should -Not -Contain 'key'
        }

        It 'reports pushes the ledger could not record, and the next run pushes them again without an alarm' {
            $record = New-EscRecord NOTREC_API_KEY 'v1'
            # The ledger's first write (marking the push pending) lands; every ESC write after it fails. Counted by
            # the emulator, not timed by a watcher, so a slow machine cannot let the last write through.
            Add-EmulatorFault $Emulator @{ method = 'PATCH'; skip = 1; count = 50; status = 503 }
            $result = $record | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod -ErrorVariable errs -ErrorAction SilentlyContinue
            Clear-EmulatorFault $Emulator

            $result.Action | Should -Be 'Created'
            $result.Recorded | Should -BeFalse
            ($result | Format-Table | Out-String) | Should -Match 'Created, not recorded'
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.PushNotRecorded,SecretSync.Commands.SetSophiaSecretCommand'
            $errs[0].Exception.Message | Should -Match 'NOTREC_API_KEY.*could not record'
            Get-EmulatorGitHubSecretValue $Emulator acme NOTREC_API_KEY | Should -BeExactly 'v1'

            $again = $record | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings -join ' ' | Should -Not -Match 'changed in GitHub' -Because 'an unrecorded push is unknown, not a change made behind SecretSync''s back'
            $again.Action | Should -Be 'Updated'
            $again.Recorded | Should -BeTrue
        }

        It 'keeps the pushes of two concurrent first runs in the ledger' {
            Add-EmulatorFault $Emulator @{ method = 'PUT'; count = 2; delayMs = 800 }
            $pwsh = Join-Path $PSHOME 'pwsh.dll'
            $processes = foreach ($name in 'RACE_ONE_API_KEY', 'RACE_TWO_API_KEY') {
                $command = "Import-Module '$ModuleManifest'; Set-SophiaSecret -Name $name -Value (ConvertTo-SecureString 'v-$name' -AsPlainText -Force) -Target GitHubOrg -Organization acme -Environment acme/prod | Out-Null"
                $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
                foreach ($a in $pwsh, '-NoProfile', '-NonInteractive', '-Command', $command) { $start.ArgumentList.Add($a) }
                $start.UseShellExecute = $false
                [System.Diagnostics.Process]::Start($start)
            }
            $processes | ForEach-Object { $_.WaitForExit(); $_.ExitCode | Should -Be 0 }
            $pushes = (Get-Ledger)['pushes']
            $pushes.Keys | Should -Contain 'acme/RACE_ONE_API_KEY'
            $pushes.Keys | Should -Contain 'acme/RACE_TWO_API_KEY'
            $pushes['acme/RACE_ONE_API_KEY']['updatedAt'] | Should -Not -BeNullOrEmpty
            $pushes['acme/RACE_TWO_API_KEY']['updatedAt'] | Should -Not -BeNullOrEmpty
        }

        It 'writes no empty value: it is not set (unless -AllowEmpty)' {
            $results = New-Record EMPTY_API_KEY '' | Set-SophiaSecret -Target GitHubOrg, Esc -Organization acme -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $warnings -join ' ' | Should -Match 'Not set \(empty value\), so not written: EMPTY_API_KEY'
            @(Get-Put).Count | Should -Be 0
            (Get-EmulatorEscDefinition $Emulator acme/default/prod) | Should -Not -Match 'empty_api_key'

            (New-Record EMPTY_API_KEY '' | Set-SophiaSecret -Target GitHubOrg -Organization acme -AllowEmpty).Action | Should -Be 'Created'
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

Describe 'Set-SophiaSecret: who may use a GitHub organisation secret' {
    BeforeEach {
        Reset-Emulator $Emulator
        Clear-EmulatorFault $Emulator
    }

    It 'creates a new secret private, as gh and the GitHub UI do' {
        $null = New-Record NEWPRIV_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme
        (Invoke-EmulatorApi $Emulator /api/v3/orgs/acme/actions/secrets/NEWPRIV_API_KEY).Body.visibility | Should -Be 'private'
    }

    It 'keeps the visibility of an existing secret' {
        Set-EmulatorGitHubSecret $Emulator -Organization acme -Name OPEN_API_KEY -Value 'old'
        $null = New-Record OPEN_API_KEY 'new' | Set-SophiaSecret -Target GitHubOrg -Organization acme
        (Invoke-EmulatorApi $Emulator /api/v3/orgs/acme/actions/secrets/OPEN_API_KEY).Body.visibility | Should -Be 'all'
    }

    It 'shares with -Repository names only (selected, names turned into ids)' {
        $ids = foreach ($name in 'api', 'web', 'ops') { (Invoke-EmulatorApi $Emulator /_emulator/github/repos -Method POST -Body @{ owner = 'acme'; name = $name }).Body.id }
        $null = New-Record PICKED_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Repository api, acme/web
        (Invoke-EmulatorApi $Emulator /api/v3/orgs/acme/actions/secrets/PICKED_API_KEY).Body.visibility | Should -Be 'selected'
        Get-Repositories PICKED_API_KEY | Should -Be @('api', 'web')
        $ids.Count | Should -Be 3
    }

    It 'refuses -Repository with a visibility other than selected, before any request' {
        Clear-EmulatorRequest $Emulator
        { New-Record BOTH_API_KEY 'v' | Set-SophiaSecret -Target GitHubOrg -Organization acme -Visibility all -Repository api } |
            Should -Throw -ErrorId 'SecretSync.InvalidVisibility,SecretSync.Commands.SetSophiaSecretCommand'
        @(Get-EmulatorRequest $Emulator | Where-Object path -Like '/api/v3/*').Count | Should -Be 0
    }

    It 'keeps all 250 selected repositories of a rotated secret (the list is read page by page)' {
        $ids = 1..250 | ForEach-Object { (Invoke-EmulatorApi $Emulator /_emulator/github/repos -Method POST -Body @{ owner = 'acme'; name = "repo$_" }).Body.id }
        $key = (Invoke-EmulatorApi $Emulator /api/v3/orgs/acme/actions/secrets/public-key).Body
        $body = @{ encrypted_value = ([SecretSync.Core.Records.Secrets.SecretRecord].Assembly.GetType('SecretSync.Core.Stores.GitHub.Crypto.SealedBox'))::SealToBase64('old', $key.key); key_id = $key.key_id; visibility = 'selected'; selected_repository_ids = @($ids) }
        (Invoke-EmulatorApi $Emulator /api/v3/orgs/acme/actions/secrets/WIDE_API_KEY -Method PUT -Body $body).StatusCode | Should -Be 201

        (New-Record WIDE_API_KEY 'rotated' | Set-SophiaSecret -Target GitHubOrg -Organization acme).Action | Should -Be 'Updated'

        $kept = 1..3 | ForEach-Object { (Invoke-EmulatorApi $Emulator "/api/v3/orgs/acme/actions/secrets/WIDE_API_KEY/repositories?per_page=100&page=$_").Body.repositories.id }
        @($kept | Sort-Object -Unique).Count | Should -Be 250
        Get-EmulatorGitHubSecretValue $Emulator acme WIDE_API_KEY | Should -BeExactly 'rotated'
    }
}

Describe 'Confirmation messages name the secrets and the target' {
    BeforeAll {
        # -WhatIf and -Confirm write to the host, not to a stream: a transcript sees what the operator sees.
        function Get-WhatIf([scriptblock] $Command) {
            $transcript = Join-Path $TestDrive "whatif-$([guid]::NewGuid()).txt"
            $null = Start-Transcript -LiteralPath $transcript
            try { $null = & $Command } finally { $null = Stop-Transcript }
            @(Get-Content -LiteralPath $transcript | Where-Object { $_ -match 'What if' }) -join "`n"
        }
    }

    BeforeEach {
        Reset-Emulator $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml ''
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'Set-SophiaSecret -Target Esc says "Set 3 secrets (names) in org/project/env"' {
        $text = Get-WhatIf { (New-Record LINEAR_API_KEY 'a'), (New-Record GONG_API_KEY 'b'), (New-Record SLACK_BOT_TOKEN 'c') | Set-SophiaSecret -Target Esc -Environment acme/prod -WhatIf }
        $text | Should -Match 'Set 3 secrets \(LINEAR_API_KEY, GONG_API_KEY, SLACK_BOT_TOKEN\) in acme/default/prod'
    }

    It 'Set-SophiaSecret -Target GitHubOrg names the secrets and the organisation' {
        $text = Get-WhatIf { (New-Record LINEAR_API_KEY 'a'), (New-Record GONG_API_KEY 'b') | Set-SophiaSecret -Target GitHubOrg -Organization acme -WhatIf }
        $text | Should -Match 'Set 2 secrets \(LINEAR_API_KEY, GONG_API_KEY\) in GitHub organisation acme'
    }

    It 'Sync-SophiaSecret names the secrets and the environment' {
        $text = Get-WhatIf { [pscustomobject]@{ Name = 'LINEAR_API_KEY'; Value = 'a' }, [pscustomobject]@{ Name = 'GONG_API_KEY'; Value = 'b' } | Sync-SophiaSecret -Environment acme/prod -WhatIf }
        $text | Should -Match 'Sync 2 secrets \(GONG_API_KEY, LINEAR_API_KEY\) to acme/default/prod: 2 added, in one revision'
    }

    It 'Export-SophiaSecret names the secrets and the file, and shortens a long list' {
        $records = 1..7 | ForEach-Object { New-Record "SVC$($_)_API_KEY" 'v' }
        $text = Get-WhatIf { $records | Export-SophiaSecret -Format DotEnv -Path out.env -WhatIf }
        $text | Should -Match 'Write 7 secrets \(SVC1_API_KEY, SVC2_API_KEY, SVC3_API_KEY, SVC4_API_KEY, SVC5_API_KEY, … 2 more\) to .*out\.env'
    }
}

Describe 'Progress of a push counts what is written' {
    BeforeAll {
        Reset-Emulator $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml ''
        $null = 'A', 'B', 'C' | ForEach-Object { [pscustomobject]@{ Name = "PROGRESS$($_)_API_KEY"; Value = "v-$_" } } | Sync-SophiaSecret -Environment acme/prod
        # PROGRESSA is pushed once, from ESC, so the ledger knows GitHub holds ESC's value: the next push skips it.
        $null = Get-SophiaSecret -Source Esc -Environment acme/prod -Name PROGRESSA_API_KEY | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod

        # Progress is no redirectable stream; a PowerShell instance collects it.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$ModuleManifest'; Get-SophiaSecret -Source Esc -Environment acme/prod -Name PROGRESS* | Set-SophiaSecret -Target GitHubOrg -Organization acme -Environment acme/prod")
        $script:Results = @($ps.Invoke())
        $script:Progress = @($ps.Streams.Progress | Where-Object Activity -Like '*GitHub organisation acme*')
        $ps.Dispose()
    }

    It 'counts the secrets written, of those written, and says how many are unchanged' {
        @($Results | Where-Object Action -EQ 'Unchanged').Count | Should -Be 1
        $counted = @($Progress | Where-Object StatusDescription -Match '^\d+ of \d+')
        $counted.Count | Should -Be 2
        $counted[-1].StatusDescription | Should -Match '^2 of 2 to write \(1 unchanged\): PROGRESS'
        $Progress.Activity | Should -Not -Match '\d+ secrets' -Because 'an activity of "3 secrets" over statuses "of 2" reads as an off-by-one'
    }
}
