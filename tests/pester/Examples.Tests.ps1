BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'Emulator.ps1')
    . (Join-Path $PSScriptRoot 'EmulatorSeed.ps1')
    $script:Emulator = Start-TestEmulator -ArgumentList '--run-seconds', '1'
    # The runbook does `Import-Module SecretSync`, as an installed module would be found.
    $script:SavedModulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $RepoRoot 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
}

AfterAll {
    $env:PSModulePath = $script:SavedModulePath
    Stop-TestEmulator $script:Emulator
}

Describe 'examples/Rotate-SophiaSecret.ps1' {
    BeforeAll {
        Reset-Emulator $Emulator
        Add-EmulatorWorkflow $Emulator acme/app
        Push-Location $TestDrive
        Set-Content secretsync.json '{ "escEnvironment": "acme/prod", "githubOrganization": "acme", "githubRepository": "acme/app" }'
        $script:Values = @{ SLACK_BOT_TOKEN = 'xoxb-' + [guid]::NewGuid(); SLACK_APP_TOKEN = 'xapp-' + [guid]::NewGuid() }
        $null = $Values.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Value = $_.Value } } | Sync-SophiaSecret -Force
        Start-Sleep -Milliseconds 1100   # the push below must be later than the ESC revision, as in a real rotation
        $script:Output = & (Join-Path $RepoRoot 'examples/Rotate-SophiaSecret.ps1') -Name 'SLACK_*' -SkipSet
    }
    AfterAll { Pop-Location }

    It 'pushes what ESC holds to the organisation' {
        foreach ($pair in $Values.GetEnumerator()) {
            Get-EmulatorGitHubSecretValue $Emulator acme $pair.Key | Should -BeExactly $pair.Value
        }
    }

    It 'starts the sync workflow and ends in sync (a push of ESC''s own value is not Stale)' {
        Get-EmulatorRequest $Emulator | Where-Object path -Like '*/dispatches' | Should -Not -BeNullOrEmpty
        $Output | Select-Object -Last 1 | Should -Be 'Rotated: SLACK_*'
        (Compare-SophiaSecret -Name SLACK_* | Where-Object Status -NE 'InSync') | Should -BeNullOrEmpty
    }

    It 'reports Stale once GitHub changes after that' {
        Start-Sleep -Milliseconds 1100
        Set-EmulatorGitHubSecret $Emulator -Organization acme -Name SLACK_BOT_TOKEN -Value 'changed in GitHub'
        (Compare-SophiaSecret -Name SLACK_BOT_TOKEN).Status | Should -Be 'Stale'
    }
}
