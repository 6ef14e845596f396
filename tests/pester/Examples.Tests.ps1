BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
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

Describe 'examples/Rotate-SophiaSecret.ps1 as a user runs it from a clone' {
    BeforeAll {
        # As the README says: after build.ps1 -Task Build, with the emulator started and the four documented
        # variables set, run the example from the project folder. Nothing of this test process leaks in: the child
        # gets a fresh environment (system variables and the four only) and no imported module, no PSModulePath entry.
        Reset-Emulator $Emulator
        Add-EmulatorWorkflow $Emulator acme/app
        $script:Project = Join-Path $TestDrive 'fresh-project'
        $null = New-Item -ItemType Directory $Project
        Set-Content (Join-Path $Project 'secretsync.json') '{ "escEnvironment": "acme/prod", "githubOrganization": "acme", "githubRepository": "acme/app" }'
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml "values:`n  slack:`n    slack_bot_token:`n      fn::secret: xoxb-fresh-clone`n  environmentVariables:`n    SLACK_BOT_TOKEN: `${slack.slack_bot_token}"
        Start-Sleep -Milliseconds 1100   # the push must be later than the ESC revision, as in a real rotation

        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot 'examples/Rotate-SophiaSecret.ps1'), '-Name', 'SLACK_*', '-SkipSet')) {
            $start.ArgumentList.Add($argument)
        }
        $start.WorkingDirectory = $Project
        $start.Environment.Clear()
        foreach ($name in 'PATH', 'HOME', 'TMPDIR', 'DOTNET_ROOT', 'DOTNET_CLI_HOME', 'NUGET_PACKAGES') {
            if ($value = [Environment]::GetEnvironmentVariable($name)) { $start.Environment[$name] = $value }
        }
        $start.Environment['PULUMI_BACKEND_URL'] = $Emulator.Url
        $start.Environment['PULUMI_ACCESS_TOKEN'] = $Emulator.Token
        $start.Environment['GITHUB_API_URL'] = "$($Emulator.Url)/api/v3"
        $start.Environment['GITHUB_TOKEN'] = $Emulator.Token
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($start)
        try {
            $stdout = $process.StandardOutput.ReadToEndAsync()
            $stderr = $process.StandardError.ReadToEndAsync()
            if (-not $process.WaitForExit(300000)) { $process.Kill($true); throw 'The example did not end within 5 minutes.' }
            $script:ExitCode = $process.ExitCode
            $script:ChildOutput = $stdout.Result + $stderr.Result
        } finally { $process.Dispose() }
    }

    It 'ends with exit code 0 and says what it rotated' {
        $ExitCode | Should -Be 0 -Because $ChildOutput
        $ChildOutput | Should -Match 'Rotated: SLACK_\*'
    }

    It 'pushed what ESC holds and started the workflow' {
        Get-EmulatorGitHubSecretValue $Emulator acme SLACK_BOT_TOKEN | Should -BeExactly 'xoxb-fresh-clone'
        Get-EmulatorRequest $Emulator | Where-Object path -Like '*/dispatches' | Should -Not -BeNullOrEmpty
    }

    It 'shows no secret value' {
        $ChildOutput | Should -Not -Match 'xoxb-fresh-clone'
    }
}

