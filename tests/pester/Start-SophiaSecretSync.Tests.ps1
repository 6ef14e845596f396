BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'Emulator.ps1')
    . (Join-Path $PSScriptRoot 'EmulatorSeed.ps1')
    $script:Emulator = Start-TestEmulator
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Start-SophiaSecretSync' {
    BeforeEach {
        Reset-Emulator $Emulator
        $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'success'; seconds = 1 }
    }

    It 'dispatches the workflow and returns the run it started' {
        $run = Start-SophiaSecretSync -Repository acme/app
        $run.PSTypeNames[0] | Should -Be 'SecretSync.WorkflowRun'
        $run.Id | Should -BeGreaterThan 0
        $run.HtmlUrl | Should -Match '/acme/app/actions/runs/'
        $dispatch = Get-EmulatorRequest $Emulator | Where-Object path -Like '*/actions/workflows/unified-secret-sync.yml/dispatches'
        $dispatch.status | Should -Be 200
    }

    It 'finds the run it started on a server that returns no run id, not someone else''s' {
        $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'success'; seconds = 1; returnRunDetails = $false }
        $earlier = Start-SophiaSecretSync -Repository acme/app -Ref main
        $run = Start-SophiaSecretSync -Repository acme/app -Ref main
        $run.Id | Should -Not -Be $earlier.Id
        $run.Id | Should -BeGreaterThan $earlier.Id
        (Get-EmulatorRequest $Emulator | Where-Object path -Like '*/dispatches').status | Should -Be @(204, 204)
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
}
