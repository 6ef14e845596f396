# Secret hygiene across the whole module: every cmdlet, on success and failure paths, with every stream on, inside a
# transcript. No canary value and no token may appear in any stream, error, ToString, format view, transcript, the
# emulator's request log, or a file left behind in a temporary folder.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:SuiteStart = [DateTime]::UtcNow
    function New-Tag { [guid]::NewGuid().ToString('N') }
    # Unique per run, so a hit can only come from this run. The regex one holds characters that break -match and -f.
    $script:Canary = @{
        Plain = "canary-$(New-Tag)"
        Multi = "canary-ml-$(New-Tag)`nline2-$(New-Tag)`nline3-$(New-Tag)"
        Regex = "canary-rx-{0}[.*+?]^(|$(New-Tag))"
    }
    $script:Token = "token-$(New-Tag)"
    $script:BadToken = "badtoken-$(New-Tag)"
    # Every needle searched for: each canary, each line of the multi-line one, the tokens.
    $script:Needles = [ordered]@{ 'emulator token' = $Token; 'bad token' = $BadToken }
    foreach ($key in $Canary.Keys) {
        $Needles["canary $key"] = $Canary[$key]
        $lines = $Canary[$key] -split "`n"
        for ($i = 0; $i -lt $lines.Count -and $lines.Count -gt 1; $i++) { $Needles["canary $key line $i"] = $lines[$i] }
    }

    $script:Emulator = Start-TestEmulator -Token $Token
    $script:Work = Join-Path $TestDrive 'work'
    $null = New-Item -ItemType Directory (Join-Path $Work 'leak'), (Join-Path $Work 'badconfig'), (Join-Path $Work 'export-dir.json'), (Join-Path $Work 'wf')
    $utf8 = [Text.UTF8Encoding]::new($false)
    function Write-Fixture([string] $Name, [string] $Text) {
        $path = Join-Path $Work $Name
        [IO.File]::WriteAllText($path, $Text, $utf8)
        $path
    }
    # Files that hold a canary on purpose (inputs and exports); any other file holding one is a leak.
    $script:ValueFiles = [Collections.Generic.HashSet[string]]::new()
    $null = $ValueFiles.Add((Write-Fixture values.env "PLAIN_API_KEY=$($Canary.Plain)`nMULTI_PRIVATE_KEY=`"$($Canary.Multi)`"`nREGEX_SECRET='$($Canary.Regex)'`n"))
    $null = $ValueFiles.Add((Write-Fixture bad.env "GOOD_API_KEY=$($Canary.Plain)`nthis line is not valid $($Canary.Plain)`n"))
    $null = $ValueFiles.Add((Write-Fixture bad-mcp.json "{ `"mcpServers`": { `"a`": { `"env`": { `"PLAIN_API_KEY`": `"$($Canary.Plain)`" }`n"))
    $null = $ValueFiles.Add((Write-Fixture leak/config.txt "url = https://user:$($Canary.Plain)@example.test/`n"))
    # Holds a value until Update-McpConfig rewrites it ('After every run' checks that).
    $null = $ValueFiles.Add((Write-Fixture mcp.json "{ `"mcpServers`": { `"a`": { `"command`": `"npx`", `"env`": { `"PLAIN_API_KEY`": `"$($Canary.Plain)`" } } } }`n"))
    $null = $ValueFiles.Add((Write-Fixture backup-mcp.json "{ `"mcpServers`": { `"a`": { `"command`": `"npx`", `"env`": { `"PLAIN_API_KEY`": `"$($Canary.Plain)`" } } } }`n"))
    $null = $ValueFiles.Add((Write-Fixture readonly.env "PLAIN_API_KEY=old`n"))
    if (-not $IsWindows) { chmod 444 (Join-Path $Work readonly.env) }
    $script:NoGitPath = (New-Item -ItemType Directory -Force (Join-Path $TestDrive 'no-git-bin')).FullName
    $null = Write-Fixture badconfig/secretsync.json "{ `"escEnvironment`": `"acme/prod`",`n  `"envFiles`": [ `n"
    $null = Write-Fixture hand.env.template "# written by hand`n"
    $null = Write-Fixture wf/secretsync.json '{ "escEnvironment": "acme/prod", "githubOrganization": "acme" }'
    $null = Write-Fixture wf/hand-workflow.yml "name: hand written`n"
    foreach ($name in 'exported.env', 'gh_env', 'docker.env') { $null = $ValueFiles.Add((Join-Path $Work $name)) }

    Reset-Emulator $Emulator
    New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml "values:`n  plain:`n    plain_api_key:`n      fn::secret: `"$($Canary.Plain)`"`n  environmentVariables:`n    PLAIN_API_KEY: `${plain.plain_api_key}`n"
    Set-EmulatorGitHubSecret $Emulator -Organization acme -Name PLAIN_API_KEY -Value $Canary.Plain
    $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'success'; seconds = 0.5 }
    Add-EmulatorWorkflow $Emulator acme/app

    function New-Record([string] $Name, [string] $Value) {
        [SecretSync.Core.Records.Secrets.SecretRecord]::new($Name, 'Environment', 'test', [SecretSync.Core.Records.Secrets.SecretRecord]::Protect($Value))
    }
    function Get-Records {
        New-Record PLAIN_API_KEY $Canary.Plain
        New-Record MULTI_PRIVATE_KEY $Canary.Multi
        New-Record REGEX_SECRET $Canary.Regex
    }
    function ConvertTo-SecureToken([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

    # Everything a user could see of one error: message, details, ToString, inner exceptions and their stacks, target.
    function Get-ErrorText([System.Management.Automation.ErrorRecord] $Record) {
        $Record.ToString()
        $Record.Exception.ToString()
        $Record.Exception.Message
        if ($Record.ErrorDetails) { $Record.ErrorDetails.Message; $Record.ErrorDetails.RecommendedAction }
        $Record.ScriptStackTrace
        $Record.CategoryInfo.ToString()
        $Record.FullyQualifiedErrorId
        $Record.TargetObject | Out-String
        "$($Record.TargetObject)"
        foreach ($entry in $Record.Exception.Data.GetEnumerator()) { "$($entry.Key)=$($entry.Value)" }
        $Record | Format-List * -Force | Out-String
        $Record | Get-Error | Out-String
    }

    # Runs $Script with every stream on, inside a transcript; returns what was seen, what was caught, and the text.
    function Invoke-Observed([string] $Label, [scriptblock] $Script) {
        $transcript = Join-Path $TestDrive ("transcript-{0}.txt" -f ($Label -replace '[^\w-]', '_'))
        # -Debug alone turns warnings into prompts (PowerShell's rule): -WarningAction keeps them flowing.
        $H = @{ Verbose = $true; Debug = $true; InformationAction = 'Continue'; WarningAction = 'Continue' }
        $ErrorActionPreference = 'Continue'
        $DebugPreference = 'Continue'
        $ConfirmPreference = 'None'
        $ProgressPreference = 'SilentlyContinue'
        $Error.Clear()
        $seen = [Collections.Generic.List[object]]::new()
        $null = Start-Transcript -LiteralPath $transcript -UseMinimalHeader
        try {
            try {
                & $Script *>&1 | ForEach-Object { $seen.Add($_) }
            } catch {
                $seen.Add($_)
            }
            # Before anything is formatted: formatting under strict mode adds errors of its own to $Error.
            $errors = @($seen | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) + @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            # Into the transcript as the host would show it: objects through their views, stream records as text.
            foreach ($item in $seen) {
                if ($item -is [System.Management.Automation.ErrorRecord] -or $item -is [System.Management.Automation.InformationalRecord] -or $item -is [System.Management.Automation.InformationRecord]) {
                    $null = $item | Out-String -Stream | Out-Default -Transcript
                } else {
                    # Out-Default -Transcript passes its input on: drop it, or it becomes this function's output.
                    $null = $item | Out-Default -Transcript
                }
            }
        } finally {
            $null = Stop-Transcript
        }

        $streamTypes = [System.Management.Automation.ErrorRecord], [System.Management.Automation.InformationalRecord], [System.Management.Automation.InformationRecord]
        $objects = @($seen | Where-Object { $item = $_; -not ($streamTypes | Where-Object { $item -is $_ }) })
        $text = @(
            $seen | Out-String
            $seen | ForEach-Object { "$_" }
            $objects | Format-Table | Out-String
            $objects | Format-List | Out-String
            $objects | Format-List * | Out-String
            $objects | ForEach-Object { $_.ToString() }
            $errors | ForEach-Object { Get-ErrorText $_ }
            Get-Content -LiteralPath $transcript -Raw
        ) -join "`n"
        [pscustomobject]@{ Objects = $objects; Errors = $errors; Text = $text }
    }

    function Assert-Clean([string] $Text, [string] $Where) {
        foreach ($needle in $Needles.GetEnumerator()) {
            $Text.Contains($needle.Value) | Should -BeFalse -Because "$Where must not hold the $($needle.Key)"
        }
    }

    function Get-FileSnapshot([string] $Root) {
        # Regular files only: the temporary folder holds FIFOs (e.g. .NET diagnostics), and reading one blocks.
        Get-ChildItem -LiteralPath $Root -Recurse -Force -File -ErrorAction SilentlyContinue |
            Where-Object { $IsWindows -or $_.UnixMode -like '-*' }
    }

    function Assert-NoLeftover([string] $Root, [datetime] $Since, [string[]] $Exclude = @()) {
        foreach ($file in Get-FileSnapshot $Root) {
            if ($Exclude | Where-Object { $file.FullName.StartsWith($_) }) { continue }
            if ($file.LastWriteTimeUtc -lt $Since) { continue }
            $file.Name | Should -Not -Match '^\.secretsync-.+\.tmp$|^\..+\.[0-9a-f]{12}\.tmp$' -Because "no temporary file of an atomic write is left in $($file.DirectoryName)"
            if ($ValueFiles.Contains($file.FullName) -or $file.Length -gt 4MB) { continue }
            $content = try { [IO.File]::ReadAllText($file.FullName) } catch [System.IO.IOException], [System.UnauthorizedAccessException] { '' }
            Assert-Clean $content "the file $($file.FullName)"
        }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Secret hygiene' {
    Context 'With <Label>' -ForEach @(
        # Id = the ErrorId the failure path must produce; none on a success path.
        @{ Label = 'Get-SophiaSecret from .env'; Id = $null; Script = { Get-SophiaSecret -Path (Join-Path $Work values.env) @H } }
        @{ Label = 'Get-SophiaSecret from ESC'; Id = $null; Script = { Get-SophiaSecret -Source Esc -Environment acme/prod @H } }
        @{ Label = 'Get-SophiaSecret from GitHub'; Id = $null; Script = { Get-SophiaSecret -Source GitHub -Organization acme @H } }
        @{ Label = 'Get-SophiaSecret, malformed .env'; Id = 'SecretSync.DotEnvParseError,SecretSync.Commands.GetSophiaSecretCommand'; Script = { Get-SophiaSecret -Path (Join-Path $Work bad.env) @H } }
        @{ Label = 'Get-SophiaSecret, bad -EscToken'; Id = 'SecretSync.AuthenticationFailed,SecretSync.Commands.GetSophiaSecretCommand'; Script = { Get-SophiaSecret -Source Esc -Environment acme/prod -EscToken (ConvertTo-SecureToken $BadToken) @H } }
        @{ Label = 'Sync-SophiaSecret of records'; Id = $null; Script = { Get-SophiaSecret -Path (Join-Path $Work values.env) | Sync-SophiaSecret -Environment acme/prod @H } }
        @{ Label = 'Sync-SophiaSecret -Name -Value'; Id = $null; Script = { Sync-SophiaSecret -Name REGEX_SECRET -Value $Canary.Regex -Environment acme/prod @H } }
        @{ Label = 'Sync-SophiaSecret, 500 on the write'; Id = 'SecretSync.ServiceUnavailable,SecretSync.Commands.SyncSophiaSecretCommand'; Script = {
                # Every attempt fails: a PATCH with an ETag is retried after a 5xx (the ETag makes a replay safe).
                Add-EmulatorFault $Emulator @{ method = 'PATCH'; pathPrefix = '/api/esc/'; count = 5; status = 500; message = 'boom' }
                # A new secret, so there is a change to write and the write meets the fault.
                @(Get-Records) + (New-Record FRESH_API_KEY "$($Canary.Plain)-$(New-Tag)") | Sync-SophiaSecret -Environment acme/prod -Prune @H
            }
        }
        @{ Label = 'Sync-SophiaSecret, missing environment in CI'; Id = 'SecretSync.EnvironmentNotFound,SecretSync.Commands.SyncSophiaSecretCommand'; Script = {
                $env:CI = 'true'
                try { Get-Records | Sync-SophiaSecret -Environment acme/missing @H } finally { Remove-Item env:CI }
            }
        }
        @{ Label = 'Sync-SophiaSecret, invalid name'; Id = 'SecretSync.InvalidSecretName,SecretSync.Commands.SyncSophiaSecretCommand'; Script = { [pscustomobject]@{ Name = 'bad-name'; Value = $Canary.Plain } | Sync-SophiaSecret -Environment acme/prod @H } }
        @{ Label = 'Set-SophiaSecret to ESC and GitHub'; Id = $null; Script = { Get-Records | Set-SophiaSecret -Target Esc, GitHubOrg -Environment acme/prod -Organization acme @H } }
        @{ Label = 'Set-SophiaSecret, bad -GitHubToken'; Id = 'SecretSync.AuthenticationFailed,SecretSync.Commands.SetSophiaSecretCommand'; Script = { Get-Records | Set-SophiaSecret -Target GitHubOrg -Organization acme -GitHubToken (ConvertTo-SecureToken $BadToken) @H } }
        @{ Label = 'Set-SophiaSecret, value too large'; Id = 'SecretSync.ValueTooLarge,SecretSync.Commands.SetSophiaSecretCommand'; Script = { New-Record HUGE_API_KEY ($Canary.Plain + ('x' * 50000)) | Set-SophiaSecret -Target GitHubOrg -Organization acme @H } }
        @{ Label = 'Export-SophiaSecret to .env'; Id = $null; Script = { Get-Records | Export-SophiaSecret -Format DotEnv -Path (Join-Path $Work exported.env) -Force @H } }
        @{ Label = 'Export-SophiaSecret to GITHUB_ENV'; Id = $null; Script = { Get-Records | Export-SophiaSecret -Format GitHubEnv -Path (Join-Path $Work gh_env) -Force -PassThru @H } }
        @{ Label = 'Export-SophiaSecret, value not portable'; Id = 'SecretSync.ValueNotPortable,SecretSync.Commands.ExportSophiaSecretCommand'; Script = { [pscustomobject]@{ Name = 'ODD_TOKEN'; Value = '${HOME}' + $Canary.Plain } | Export-SophiaSecret -Format DotEnv -Path (Join-Path $Work exported.env) -Force @H } }
        @{ Label = 'Export-SophiaSecret, failing atomic write'; Id = 'SecretSync.WriteFailed,SecretSync.Commands.ExportSophiaSecretCommand'; Script = { Get-Records | Export-SophiaSecret -Format Json -Path (Join-Path $Work export-dir.json) -Force @H } }
        @{ Label = 'Export-SophiaSecret to a Docker env file, multi-line refused'; Id = 'SecretSync.DockerEnvValueRefused,SecretSync.Commands.ExportSophiaSecretCommand'; Script = { Get-Records | Export-SophiaSecret -Format DockerEnv -Path (Join-Path $Work docker.env) -Force @H } }
        @{ Label = 'Invoke-SophiaCommand -ScriptBlock'; Id = $null; Script = { Invoke-SophiaCommand acme/prod -ScriptBlock { "PLAIN_API_KEY set: $([bool] $env:PLAIN_API_KEY)" } @H } }
        @{ Label = 'Invoke-SophiaCommand, command printing the value and failing'; Id = 'SecretSync.CommandFailed,SecretSync.Commands.InvokeSophiaCommandCommand'; Script = { Invoke-SophiaCommand acme/prod /bin/sh -c 'printf "%s\n" "$PLAIN_API_KEY" >&2; exit 4' @H } }
        @{ Label = 'Invoke-SophiaCommand, missing program'; Id = 'SecretSync.CommandNotFound,SecretSync.Commands.InvokeSophiaCommandCommand'; Script = { Invoke-SophiaCommand acme/prod no-such-program-secretsync @H } }
        @{ Label = 'Invoke-SophiaCommand, bad -EscToken'; Id = 'SecretSync.AuthenticationFailed,SecretSync.Commands.InvokeSophiaCommandCommand'; Script = { Invoke-SophiaCommand acme/prod /bin/true -EscToken (ConvertTo-SecureToken $BadToken) @H } }
        @{ Label = 'Find-SophiaSecretLeak'; Id = $null; Script = { Get-Records | Find-SophiaSecretLeak -Path (Join-Path $Work leak) @H } }
        @{ Label = 'Find-SophiaSecretLeak, missing folder'; Id = 'SecretSync.PathNotFound,SecretSync.Commands.FindSophiaSecretLeakCommand'; Script = { Get-Records | Find-SophiaSecretLeak -Path (Join-Path $Work nowhere) @H } }
        @{ Label = 'Get-SophiaSecretCatalog'; Id = $null; Script = { Get-SophiaSecretCatalog -Name PLAIN_*, LINEAR_* @H } }
        @{ Label = 'Get-SophiaSecretCatalog, malformed secretsync.json'; Id = 'SecretSync.ConfigParseError,SecretSync.Commands.GetSophiaSecretCatalogCommand'; Script = {
                Push-Location (Join-Path $Work badconfig)
                try { Get-SophiaSecretCatalog @H } finally { Pop-Location }
            }
        }
        @{ Label = 'New-SophiaEnvTemplate'; Id = $null; Script = { Get-Records | New-SophiaEnvTemplate -Path (Join-Path $Work new.env.template) @H } }
        @{ Label = 'New-SophiaEnvTemplate, hand-written file'; Id = 'SecretSync.TemplateExists,SecretSync.Commands.NewSophiaEnvTemplateCommand'; Script = { Get-Records | New-SophiaEnvTemplate -Path (Join-Path $Work hand.env.template) @H } }
        @{ Label = 'New-SophiaSyncWorkflow'; Id = $null; Script = {
                Push-Location (Join-Path $Work wf)
                try { New-SophiaSyncWorkflow -Path workflow.yml @H } finally { Pop-Location }
            }
        }
        @{ Label = 'New-SophiaSyncWorkflow, hand-written file'; Id = 'SecretSync.WorkflowExists,SecretSync.Commands.NewSophiaSyncWorkflowCommand'; Script = {
                Push-Location (Join-Path $Work wf)
                try { New-SophiaSyncWorkflow -Path hand-workflow.yml @H } finally { Pop-Location }
            }
        }
        @{ Label = 'Start-SophiaSecretSync -Wait'; Id = $null; Script = { Start-SophiaSecretSync -Repository acme/app -Wait @H } }
        @{ Label = 'Start-SophiaSecretSync, bad -GitHubToken'; Id = 'SecretSync.AuthenticationFailed,SecretSync.Commands.StartSophiaSecretSyncCommand'; Script = { Start-SophiaSecretSync -Repository acme/app -GitHubToken (ConvertTo-SecureToken $BadToken) @H } }
        @{ Label = 'Test-SophiaSecretName'; Id = $null; Script = { Test-SophiaSecretName -Name PLAIN_API_KEY, 'not a name', GITHUB_X_TOKEN -Detailed @H } }
        @{ Label = 'Update-McpConfig'; Id = $null; Script = { Get-Records | Update-McpConfig -Path (Join-Path $Work mcp.json) @H } }
        @{ Label = 'Export-SophiaSecret, read-only file'; Id = 'SecretSync.FileReadOnly,SecretSync.Commands.ExportSophiaSecretCommand'; Script = { Get-Records | Export-SophiaSecret -Format DotEnv -Path (Join-Path $Work readonly.env) -Force @H } }
        @{ Label = 'Export-SophiaSecret, git not on PATH'; Id = 'SecretSync.GitNotFound,SecretSync.Commands.ExportSophiaSecretCommand'; Script = {
                $saved = $env:PATH; $env:PATH = $NoGitPath
                try { Get-Records | Export-SophiaSecret -Format DotEnv -Path (Join-Path $Work exported.env) @H } finally { $env:PATH = $saved }
            }
        }
        @{ Label = 'Update-McpConfig -Backup, git not on PATH'; Id = 'SecretSync.GitNotFound,SecretSync.Commands.UpdateMcpConfigCommand'; Script = {
                $saved = $env:PATH; $env:PATH = $NoGitPath
                try { Get-Records | Update-McpConfig -Path (Join-Path $Work backup-mcp.json) -Backup @H } finally { $env:PATH = $saved }
            }
        }
        @{ Label = 'Update-McpConfig, malformed file'; Id = 'SecretSync.McpConfigParseError,SecretSync.Commands.UpdateMcpConfigCommand'; Script = { Get-Records | Update-McpConfig -Path (Join-Path $Work bad-mcp.json) @H } }
        @{ Label = 'Compare-SophiaSecret'; Id = $null; Script = { Compare-SophiaSecret -Path (Join-Path $Work values.env) -Environment acme/prod -Organization acme @H } }
        @{ Label = 'Compare-SophiaSecret -AsMarkdown'; Id = $null; Script = { Compare-SophiaSecret -Path (Join-Path $Work values.env) -Environment acme/prod -Organization acme -AsMarkdown @H } }
        @{ Label = 'Compare-SophiaSecret, bad -EscToken'; Id = 'SecretSync.AuthenticationFailed,SecretSync.Commands.CompareSophiaSecretCommand'; Script = { Compare-SophiaSecret -Path (Join-Path $Work values.env) -Environment acme/prod -EscToken (ConvertTo-SecureToken $BadToken) @H } }
    ) {
        BeforeAll {
            Clear-EmulatorFault $Emulator
            Clear-EmulatorRequest $Emulator
            $script:Since = [DateTime]::UtcNow.AddSeconds(-1)
            $script:Run = Invoke-Observed $Label $Script
        }

        It 'ends as expected' {
            $ids = @($Run.Errors | ForEach-Object FullyQualifiedErrorId | Select-Object -Unique)
            if ($Id) {
                $ids | Should -Contain $Id
            } else {
                $ids | Should -BeNullOrEmpty
                $Run.Objects | Should -Not -BeNullOrEmpty
            }
        }

        It 'shows no value or token in streams, errors, views or the transcript' {
            $Run.Text | Should -Not -BeNullOrEmpty
            Assert-Clean $Run.Text 'the output'
        }

        It 'sends no value or token to the emulator''s request log' {
            $log = (Invoke-WebRequest -Uri "$($Emulator.Url)/_emulator/requests").Content
            Assert-Clean $log 'the request log'
        }

        It 'leaves no temporary file and no file holding a value behind' {
            Assert-NoLeftover $TestDrive $Since
        }
    }

    Context 'After every run' {
        It 'left no value in the MCP config Update-McpConfig rewrote' {
            Assert-Clean ([IO.File]::ReadAllText((Join-Path $Work mcp.json))) 'the rewritten MCP config'
        }

        It 'left nothing holding a value in the temporary folder' {
            Assert-NoLeftover ([IO.Path]::GetTempPath()) $SuiteStart -Exclude $TestDrive
        }
    }
}
