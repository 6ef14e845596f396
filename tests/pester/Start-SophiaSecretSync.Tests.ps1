BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Start-SophiaSecretSync' {
    BeforeEach {
        Reset-Emulator $Emulator
        $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'success'; seconds = 1 }
        Add-EmulatorWorkflow $Emulator acme/app
        Add-EmulatorWorkflow $Emulator acme/ops sync.yml
    }

    It 'dispatches the workflow and returns the run it started' {
        $run = Start-SophiaSecretSync -Repository acme/app
        $run.PSTypeNames[0] | Should -Be 'SecretSync.WorkflowRun'
        $run.Id | Should -BeGreaterThan 0
        $run.HtmlUrl | Should -Match '/acme/app/actions/runs/'
        $dispatch = Get-EmulatorRequest $Emulator | Where-Object path -Like '*/actions/workflows/unified-secret-sync.yml/dispatches'
        $dispatch.status | Should -Be 200
    }

    It 'on GitHub Enterprise Server (422 for return_run_details) dispatches again without it and finds its own run, not someone else''s' {
        $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'success'; seconds = 1; enterpriseServer = $true }
        $earlier = Start-SophiaSecretSync -Repository acme/app -Ref main
        $run = Start-SophiaSecretSync -Repository acme/app -Ref main
        $run.Id | Should -Not -Be $earlier.Id
        $run.Id | Should -BeGreaterThan $earlier.Id
        $run.HtmlUrl | Should -Match "/acme/app/actions/runs/$($run.Id)$"
        (Get-EmulatorRequest $Emulator | Where-Object path -Like '*/dispatches').status | Should -Be @(422, 204, 422, 204)
    }

    It 'sends every input as a string (GitHub refuses JSON booleans and numbers)' {
        $run = Start-SophiaSecretSync -Repository acme/app -Ref main -Inputs @{ dry = $true; count = 3; ratio = 0.5; reason = 'rotation' }
        $run.Id | Should -BeGreaterThan 0
        (Get-EmulatorRequest $Emulator | Where-Object path -Like '*/dispatches').status | Should -Be 200
    }

    It 'refuses an input that has no text form before sending anything' {
        { Start-SophiaSecretSync -Repository acme/app -Ref main -Inputs @{ names = @('a', 'b') } } |
            Should -Throw -ErrorId 'SecretSync.InvalidWorkflowInput,SecretSync.Commands.StartSophiaSecretSyncCommand'
        Get-EmulatorRequest $Emulator | Where-Object path -Like '*/dispatches' | Should -BeNullOrEmpty
    }

    It 'says NotFound for a workflow file the repository does not have' {
        { Start-SophiaSecretSync -Repository acme/app -Ref main -Workflow missing.yml } |
            Should -Throw -ErrorId 'SecretSync.NotFound,SecretSync.Commands.StartSophiaSecretSyncCommand'
    }

    It 'waits for the run to succeed with -Wait' {
        $run = Start-SophiaSecretSync -Repository acme/app -Ref main -Wait
        $run.Status | Should -Be 'completed'
        $run.Conclusion | Should -Be 'success'
    }

    It 'writes an error carrying the run URL when the run fails' {
        $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'failure'; seconds = 1 }
        $run = Start-SophiaSecretSync -Repository acme/app -Wait -ErrorVariable errs -ErrorAction SilentlyContinue
        $run.Conclusion | Should -Be 'failure'
        $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.WorkflowRunFailed,SecretSync.Commands.StartSophiaSecretSyncCommand'
        $errs[0].Exception.Message | Should -Match ([regex]::Escape($run.HtmlUrl))
    }

    It 'stops waiting after -Timeout and says the run goes on' {
        $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'success'; seconds = 60 }
        $run = Start-SophiaSecretSync -Repository acme/app -Wait -Timeout ([timespan]::FromSeconds(1)) -ErrorVariable errs -ErrorAction SilentlyContinue
        $run.Status | Should -Not -Be 'completed'
        $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.WorkflowRunTimeout,SecretSync.Commands.StartSophiaSecretSyncCommand'
        $errs[0].Exception.Message | Should -Match 'goes on'
    }

    It 'takes the repository and workflow from secretsync.json' {
        Push-Location $TestDrive
        try {
            Set-Content secretsync.json '{ "githubRepository": "acme/ops", "workflow": ".github/workflows/sync.yml" }'
            $run = Start-SophiaSecretSync
        } finally {
            Remove-Item secretsync.json
            Pop-Location
        }
        $run.HtmlUrl | Should -Match '/acme/ops/'
        Get-EmulatorRequest $Emulator | Where-Object path -Like '*/workflows/sync.yml/dispatches' | Should -Not -BeNullOrEmpty
    }

    It 'does nothing with -WhatIf' {
        Start-SophiaSecretSync -Repository acme/app -WhatIf
        Get-EmulatorRequest $Emulator | Where-Object path -Like '*/dispatches' | Should -BeNullOrEmpty
    }

    Context 'With more organisation secrets shared than a run can read' {
        BeforeEach {
            # 100 org secrets that sort before every catalogued name fill a run's 100; the catalogued ones come after.
            Set-EmulatorGitHubSecret $Emulator acme @(0..99 | ForEach-Object { 'AA{0:000}_NOISE' -f $_ })
            [string[]] $script:catalogued = @((Get-SophiaSecretCatalog).GitHubName | Sort-Object | Select-Object -First 3)
            Set-EmulatorGitHubSecret $Emulator acme $catalogued
        }

        It 'warns before the dispatch and names the catalogued secrets the run will not see, as the emulator''s run does not' {
            $run = Start-SophiaSecretSync -Repository acme/app -Ref main -WarningVariable warnings -WarningAction SilentlyContinue
            "$warnings" | Should -Match 'first 100'
            "$warnings" -match 'will not see and will not sync: ([A-Z0-9_, ]+)\.' | Should -BeTrue
            $Matches[1] -split ', ' | Should -Be $catalogued

            $seen = (Invoke-EmulatorApi $Emulator "/_emulator/github/repos/acme/app/runs/$($run.Id)/secrets").Body.seen
            $seen.Count | Should -Be 100
            $catalogued | ForEach-Object { $seen | Should -Not -Contain $_ }
        }

        It 'does not count a catalogued name the repository holds as its own secret' {
            $key = (Invoke-EmulatorApi $Emulator '/api/v3/repos/acme/app/actions/secrets/public-key').Body
            $sealed = ([SecretSync.Core.Secrets.SecretRecord].Assembly.GetType('SecretSync.Core.Stores.GitHub.Crypto.SealedBox'))::SealToBase64('repo-value', $key.key)
            $null = Invoke-EmulatorApi $Emulator "/api/v3/repos/acme/app/actions/secrets/$($catalogued[0])" -Method PUT -Body @{ encrypted_value = $sealed; key_id = $key.key_id }

            $null = Start-SophiaSecretSync -Repository acme/app -Ref main -WarningVariable warnings -WarningAction SilentlyContinue
            "$warnings" -match 'will not see and will not sync: ([A-Z0-9_, ]+)\.' | Should -BeTrue
            $Matches[1] -split ', ' | Should -Be $catalogued[1..2]
        }

        It 'stays quiet when the catalogued secrets are within the first 100' {
            Reset-Emulator $Emulator
            Add-EmulatorWorkflow $Emulator acme/app
            Set-EmulatorGitHubSecret $Emulator acme $catalogued
            $null = Start-SophiaSecretSync -Repository acme/app -Ref main -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings | Should -BeNullOrEmpty
        }
    }
}
