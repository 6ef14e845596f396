# Bad input of every kind: malformed .env, secretsync.json and MCP JSON, invalid names, unknown environments and
# organisations, bad tokens, huge values, invalid UTF-8. Each is a clear error naming the place, and nothing is lost.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    $script:Emulator = Start-TestEmulator

    function Get-Hex([string] $Path) { [Convert]::ToHexString([IO.File]::ReadAllBytes($Path)) }
    function Write-Bytes([string] $Path, [byte[]] $Bytes) {
        $full = Join-Path $TestDrive $Path
        [IO.File]::WriteAllBytes($full, $Bytes)
        $full
    }
    function Write-Text([string] $Path, [string] $Text) { Write-Bytes $Path ([Text.UTF8Encoding]::new($false).GetBytes($Text)) }
    function Get-Utf8([string] $Text) { [Text.UTF8Encoding]::new($false).GetBytes($Text) }

    # The terminating or first non-terminating error of $Script, or $null.
    function Get-FirstError([scriptblock] $Script) {
        $ErrorActionPreference = 'Continue'
        $WarningPreference = 'SilentlyContinue'
        try {
            $errors = @(& $Script 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            if ($errors) { $errors[0] }
        } catch {
            $_
        }
    }

    function Get-PatchCount { @(Get-EmulatorRequest $Emulator | Where-Object { $_.method -eq 'PATCH' }).Count }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Bad input' {
    BeforeEach {
        Reset-Emulator $Emulator
        Clear-EmulatorFault $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml "values:`n  keep: me`n"
        Clear-EmulatorRequest $Emulator
        Push-Location $TestDrive
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
    }
    AfterEach { Pop-Location }

    Context 'With a malformed .env' {
        It 'Get-SophiaSecret names file, line and column for <Label>' -ForEach @(
            @{ Label = 'a line without ='; Text = "GOOD_API_KEY=fine-value-1`nthis is not valid`n"; Line = 2 }
            @{ Label = 'an unterminated quote'; Text = "A_TOKEN=ok`nB_TOKEN=`"never closed-value-1`n"; Line = 2 }
            @{ Label = 'a key with a space'; Text = "A_TOKEN=ok`n`nBAD KEY=fine-value-1`n"; Line = 3 }
        ) {
            $null = Write-Text bad.env $Text
            $err = Get-FirstError { Get-SophiaSecret -Path bad.env }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.DotEnvParseError,SecretSync.Commands.GetSophiaSecretCommand'
            $err.Exception.Message | Should -Match "bad\.env:$($Line):\d+:"
            $err.Exception.Message | Should -Not -Match 'fine-value-1|never closed'
        }

        It 'Sync-SophiaSecret with no input stops on the envFiles of secretsync.json and writes nothing' {
            $null = Write-Text secretsync.json '{ "escEnvironment": "acme/prod", "envFiles": ["config/app.env"] }'
            $null = New-Item -ItemType Directory config
            $null = Write-Text config/app.env "GOOD_API_KEY=fine`nBROKEN LINE`n"
            $before = Get-EmulatorEscDefinition $Emulator acme/default/prod
            $err = Get-FirstError { Sync-SophiaSecret }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.DotEnvParseError,SecretSync.Commands.SyncSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'app\.env:2:\d+:'
            Get-PatchCount | Should -Be 0
            Get-EmulatorEscDefinition $Emulator acme/default/prod | Should -BeExactly $before
        }

        It 'Export-SophiaSecret refuses to merge into it and leaves it byte-identical' {
            $file = Write-Text .env "# keep me`nA_TOKEN=old`nnot a valid line`n"
            $before = Get-Hex $file
            $err = Get-FirstError { [pscustomobject]@{ Name = 'A_TOKEN'; Value = 'new-value' } | Export-SophiaSecret -Format DotEnv -Force }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.DotEnvParseError,SecretSync.Commands.ExportSophiaSecretCommand'
            $err.Exception.Message | Should -Match '\.env:3:\d+:'
            Get-Hex $file | Should -Be $before
            @(Get-ChildItem -Force -Filter *.tmp).Count | Should -Be 0
        }
    }

    Context 'With a malformed secretsync.json' {
        It '<Command> stops with ConfigParseError naming file, line and column' -ForEach @(
            @{ Command = 'Get-SophiaSecretCatalog'; Class = 'GetSophiaSecretCatalogCommand' }
            @{ Command = 'Get-SophiaSecret'; Class = 'GetSophiaSecretCommand' }
            @{ Command = 'Sync-SophiaSecret'; Class = 'SyncSophiaSecretCommand' }
            @{ Command = 'Set-SophiaSecret -Name A_API_KEY -Value (ConvertTo-SecureString v -AsPlainText -Force) -Target Esc'; Class = 'SetSophiaSecretCommand' }
            @{ Command = 'Export-SophiaSecret -Format DotEnv'; Class = 'ExportSophiaSecretCommand' }
            @{ Command = 'New-SophiaEnvTemplate'; Class = 'NewSophiaEnvTemplateCommand' }
            @{ Command = 'New-SophiaSyncWorkflow'; Class = 'NewSophiaSyncWorkflowCommand' }
            @{ Command = 'Update-McpConfig'; Class = 'UpdateMcpConfigCommand' }
            @{ Command = 'Start-SophiaSecretSync'; Class = 'StartSophiaSecretSyncCommand' }
            @{ Command = 'Find-SophiaSecretLeak'; Class = 'FindSophiaSecretLeakCommand' }
        ) {
            $null = Write-Text secretsync.json "{`n  `"escEnvironment`": `"acme/prod`",`n  `"envFiles`": [`".env`"`n  oops`n}`n"
            $err = Get-FirstError ([scriptblock]::Create($Command))
            $err.FullyQualifiedErrorId | Should -BeExactly "SecretSync.ConfigParseError,SecretSync.Commands.$Class"
            $err.Exception.Message | Should -Match 'secretsync\.json:4:\d+:'
            @(Get-ChildItem -Force).Name | Should -Be 'secretsync.json' -Because 'nothing was written'
            Get-PatchCount | Should -Be 0
        }

        It 'names the key of a value of the wrong type' {
            $null = Write-Text secretsync.json "{`n  `"envFiles`": `".env`"`n}`n"
            $err = Get-FirstError { Get-SophiaSecretCatalog }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ConfigParseError,SecretSync.Commands.GetSophiaSecretCatalogCommand'
            $err.Exception.Message | Should -Match 'secretsync\.json:2:\d+:.*envFiles'
        }
    }

    Context 'With a malformed MCP config' {
        It 'reports <Label> as McpConfigParseError with line and column and leaves the file byte-identical' -ForEach @(
            @{ Label = 'a truncated file'; Text = "{`n  `"mcpServers`": { `"a`": { `"env`": { `"A_TOKEN`": `"value-123456`" }`n" }
            @{ Label = 'trailing garbage'; Text = "{ `"mcpServers`": {} }`n}`n" }
            @{ Label = 'an unquoted key'; Text = "{`n  mcpServers: { `"a`": { `"env`": { `"A_TOKEN`": `"value-123456`" } } }`n}`n" }
        ) {
            $file = Write-Text mcp_config.json $Text
            $before = Get-Hex $file
            $err = Get-FirstError { [pscustomobject]@{ Name = 'A_TOKEN'; Value = 'value-123456' } | Update-McpConfig -Path $file }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.McpConfigParseError,SecretSync.Commands.UpdateMcpConfigCommand'
            $err.Exception.Message | Should -Match 'mcp_config\.json:\d+:\d+:'
            $err.Exception.Message | Should -Not -Match 'value-123456'
            Get-Hex $file | Should -Be $before
        }
    }

    Context 'With invalid UTF-8' {
        It 'Get-SophiaSecret names the .env place and returns nothing' {
            $null = Write-Bytes bad.env ((Get-Utf8 "A_TOKEN=ok`nB_TOKEN=a") + [byte[]] (0xC3, 0x28) + (Get-Utf8 "b`n"))
            $err = Get-FirstError { Get-SophiaSecret -Path bad.env }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.DotEnvParseError,SecretSync.Commands.GetSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'bad\.env:2:\d+:.*UTF-8'
        }

        It 'Export-SophiaSecret does not merge into it' {
            $file = Write-Bytes .env ((Get-Utf8 'A_TOKEN=') + [byte[]] (0xFF, 0xFE) + (Get-Utf8 "`n"))
            $before = Get-Hex $file
            $err = Get-FirstError { [pscustomobject]@{ Name = 'B_TOKEN'; Value = 'new-value' } | Export-SophiaSecret -Format DotEnv -Force }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.DotEnvParseError,SecretSync.Commands.ExportSophiaSecretCommand'
            Get-Hex $file | Should -Be $before
        }

        It 'Update-McpConfig names the MCP place and leaves the file byte-identical' {
            $file = Write-Bytes mcp_config.json ((Get-Utf8 "{`n  `"mcpServers`": { `"a`": { `"env`": { `"A_TOKEN`": `"") + [byte[]] (0xFF, 0xFE, 0x41) + (Get-Utf8 "`" } } }`n}`n"))
            $before = Get-Hex $file
            $err = Get-FirstError { [pscustomobject]@{ Name = 'A_TOKEN'; Value = 'value-123456' } | Update-McpConfig -Path $file }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.McpConfigParseError,SecretSync.Commands.UpdateMcpConfigCommand'
            $err.Exception.Message | Should -Match 'mcp_config\.json:2:\d+:.*UTF-8'
            Get-Hex $file | Should -Be $before
        }
    }

    Context 'With invalid names' {
        It 'Test-SophiaSecretName says why <Name> is wrong' -ForEach @(
            @{ Name = 'bad-name'; Valid = $false; GitHub = $false }
            @{ Name = '1ABC_TOKEN'; Valid = $false; GitHub = $false }
            @{ Name = 'lower_api_key'; Valid = $false; GitHub = $true }
            @{ Name = 'GITHUB_OTHER_TOKEN'; Valid = $true; GitHub = $false }
        ) {
            $check = Test-SophiaSecretName -Name $Name -Detailed
            $check.IsValid | Should -Be $Valid
            $check.GitHubCompatible | Should -Be $GitHub
            "$($check.Reason)$($check | Out-String)" | Should -Match '\w'
        }

        It 'Sync-SophiaSecret refuses an invalid name, writes the valid ones' {
            $results = @([pscustomobject]@{ Name = 'bad name'; Value = 'v' }, [pscustomobject]@{ Name = 'GOOD_API_KEY'; Value = 'g' }) |
                Sync-SophiaSecret -Environment acme/prod -ErrorVariable errs -ErrorAction SilentlyContinue
            $results.Name | Should -Be 'GOOD_API_KEY'
            $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InvalidSecretName,SecretSync.Commands.SyncSophiaSecretCommand'
            $errs[0].Exception.Message | Should -Match "'bad name'"
        }

        It 'Sync-SophiaSecret -Name refuses an invalid name and writes nothing' {
            $err = Get-FirstError { Sync-SophiaSecret -Name 'lower_api_key' -Value 'v' -Environment acme/prod }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InvalidSecretName,SecretSync.Commands.SyncSophiaSecretCommand'
            Get-PatchCount | Should -Be 0
        }

        It 'Set-SophiaSecret refuses an invalid name before any request' {
            $err = Get-FirstError { Set-SophiaSecret -Name 'bad-name' -Value (ConvertTo-SecureString v -AsPlainText -Force) -Target Esc -Environment acme/prod }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InvalidSecretName,SecretSync.Commands.SetSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'bad-name.*try BAD_NAME'
            Get-PatchCount | Should -Be 0
        }
    }

    Context 'With an unknown environment or organisation' {
        It '<Command> says the ESC environment was not found' -ForEach @(
            @{ Command = 'Get-SophiaSecret -Source Esc -Environment acme/nope'; Class = 'GetSophiaSecretCommand' }
            @{ Command = 'Get-SophiaSecret -Source Esc -Environment nosuchorg/nope'; Class = 'GetSophiaSecretCommand' }
            @{ Command = 'Set-SophiaSecret -Name A_API_KEY -Value (ConvertTo-SecureString v -AsPlainText -Force) -Target Esc -Environment acme/nope'; Class = 'SetSophiaSecretCommand' }
        ) {
            $err = Get-FirstError ([scriptblock]::Create($Command))
            $err.FullyQualifiedErrorId | Should -BeExactly "SecretSync.NotFound,SecretSync.Commands.$Class"
            $err.Exception.Message | Should -Match '/default/nope'
        }

        It 'Sync-SophiaSecret refuses to create it unattended, and nothing is created' {
            $env:CI = 'true'
            try {
                $err = Get-FirstError { [pscustomobject]@{ Name = 'A_API_KEY'; Value = 'v' } | Sync-SophiaSecret -Environment acme/nope }
            } finally { Remove-Item env:CI }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.EnvironmentNotFound,SecretSync.Commands.SyncSophiaSecretCommand'
            (Invoke-EmulatorApi $Emulator /api/esc/environments/acme/default/nope).StatusCode | Should -Be 404
        }

        It 'rejects an environment reference that is not org/env before any request' {
            $err = Get-FirstError { Get-SophiaSecret -Source Esc -Environment 'not a ref' }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InvalidEnvironment,SecretSync.Commands.GetSophiaSecretCommand'
            @(Get-EmulatorRequest $Emulator).Count | Should -Be 0
        }

        It 'an organisation GitHub answers 404 for (unknown, or hidden from the token) is NotFound naming it' {
            # GitHub answers 404 for an organisation that does not exist or that the token cannot see; the emulator
            # treats every organisation as existing (empty), so the 404 is injected.
            (Invoke-EmulatorApi $Emulator /api/v3/orgs/nosuchorg/actions/secrets).Body.total_count | Should -Be 0
            Add-EmulatorFault $Emulator @{ pathPrefix = '/api/v3/orgs/nosuchorg/'; count = 10; status = 404; message = 'Not Found' }
            $err = Get-FirstError { Get-SophiaSecret -Source GitHub -Organization nosuchorg }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.NotFound,SecretSync.Commands.GetSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'nosuchorg'
        }
    }

    Context 'With a bad token' {
        It '<Label> is AuthenticationFailed naming <Variable>, never the token' -ForEach @(
            @{ Label = 'ESC'; Variable = 'PULUMI_ACCESS_TOKEN'; Command = 'Get-SophiaSecret -Source Esc -Environment acme/prod'; Class = 'GetSophiaSecretCommand' }
            @{ Label = 'ESC writes'; Variable = 'PULUMI_ACCESS_TOKEN'; Command = '[pscustomobject]@{ Name = "A_API_KEY"; Value = "v" } | Sync-SophiaSecret -Environment acme/prod'; Class = 'SyncSophiaSecretCommand' }
            @{ Label = 'GitHub'; Variable = 'GITHUB_TOKEN'; Command = 'Get-SophiaSecret -Source GitHub -Organization acme'; Class = 'GetSophiaSecretCommand' }
            @{ Label = 'GitHub dispatch'; Variable = 'GITHUB_TOKEN'; Command = 'Start-SophiaSecretSync -Repository acme/app'; Class = 'StartSophiaSecretSyncCommand' }
        ) {
            $bad = 'bad-token-' + [guid]::NewGuid()
            $saved = [Environment]::GetEnvironmentVariable($Variable)
            [Environment]::SetEnvironmentVariable($Variable, $bad)
            try {
                $err = Get-FirstError ([scriptblock]::Create($Command))
            } finally { [Environment]::SetEnvironmentVariable($Variable, $saved) }
            $err.FullyQualifiedErrorId | Should -BeExactly "SecretSync.AuthenticationFailed,SecretSync.Commands.$Class"
            $err.Exception.Message | Should -Match $Variable
            "$err $($err.Exception) $($err.ErrorDetails)" | Should -Not -Match $bad
        }

        It 'a missing token is MissingCredential naming the variable' {
            $saved = $env:PULUMI_ACCESS_TOKEN
            Remove-Item env:PULUMI_ACCESS_TOKEN
            try {
                $err = Get-FirstError { Get-SophiaSecret -Source Esc -Environment acme/prod }
            } finally { $env:PULUMI_ACCESS_TOKEN = $saved }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.MissingCredential,SecretSync.Commands.GetSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'PULUMI_ACCESS_TOKEN'
        }
    }

    Context 'With huge values' {
        It 'the largest value a SecureString holds goes through Sync to ESC and back exactly' {
            # 65,536 characters, multi-line and multi-byte: about 130 KB of UTF-8.
            $value = -join ((1..1024) | ForEach-Object { 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWX✓é+/' + "`n" })
            $value = $value.Substring(0, 65536)
            (Sync-SophiaSecret -Name HUGE_PRIVATE_KEY -Value $value -Environment acme/prod).Action | Should -Be 'Added'
            $read = Get-SophiaSecret -Source Esc -Environment acme/prod -Name HUGE_PRIVATE_KEY -AsPlainText
            $read.Value.Length | Should -Be $value.Length
            $read.Value -ceq $value | Should -BeTrue
        }

        It 'a 1 MB value is ValueTooLarge naming the secret, on the way in and on the way out, never half-written' {
            # Values travel as SecureString, which holds at most 65,536 characters: a clear refusal, not a crash.
            $value = 'y' * 1MB
            $err = Get-FirstError { Sync-SophiaSecret -Name HUGE_PRIVATE_KEY -Value $value -Environment acme/prod }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ValueTooLarge,SecretSync.Commands.SyncSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'HUGE_PRIVATE_KEY: the value is 1,048,576 characters'
            $err.TargetObject | Should -Be 'HUGE_PRIVATE_KEY'
            Get-PatchCount | Should -Be 0

            $null = Invoke-EmulatorApi $Emulator /api/esc/environments/acme/default/prod -Method PATCH -Body "values:`n  big:`n    big_private_key:`n      fn::secret: $value`n"
            $err = Get-FirstError { Get-SophiaSecret -Source Esc -Environment acme/prod }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ValueTooLarge,SecretSync.Commands.GetSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'BIG_PRIVATE_KEY'
            $err.Exception.Message | Should -Not -Match 'yyyyyyyy'
        }

        It 'GitHub takes 48 KB and refuses one byte more with ValueTooLarge, sending nothing' {
            $limit = 48 * 1024
            (Set-SophiaSecret -Name EDGE_API_KEY -Value (ConvertTo-SecureString ('x' * $limit) -AsPlainText -Force) -Target GitHubOrg -Organization acme).Action | Should -Be 'Created'
            Clear-EmulatorRequest $Emulator
            # A multi-byte character makes it one byte over in UTF-8 while the string is shorter than the limit.
            $over = ('x' * ($limit - 1)) + 'é'
            $err = Get-FirstError { Set-SophiaSecret -Name OVER_API_KEY -Value (ConvertTo-SecureString $over -AsPlainText -Force) -Target GitHubOrg -Organization acme }
            $err.FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ValueTooLarge,SecretSync.Commands.SetSophiaSecretCommand'
            $err.Exception.Message | Should -Match 'OVER_API_KEY.*48 KB'
            @(Get-EmulatorRequest $Emulator | Where-Object method -EQ 'PUT').Count | Should -Be 0
            Get-EmulatorGitHubSecretValue $Emulator acme OVER_API_KEY | Should -BeNullOrEmpty
        }
    }

    Context 'With something other than a regular file where a file should be' {
        It '<Command> refuses a FIFO without blocking and leaves it a FIFO' -Skip:$IsWindows -ForEach @(
            @{ Command = 'Export-SophiaSecret'; Script = "[pscustomobject]@{ Name = 'A_TOKEN'; Value = 'v' } | Export-SophiaSecret -Format DotEnv -Path target" }
            @{ Command = 'Export-SophiaSecret -Format GitHubEnv'; Script = "[pscustomobject]@{ Name = 'A_TOKEN'; Value = 'v' } | Export-SophiaSecret -Format GitHubEnv -Path target" }
            @{ Command = 'Update-McpConfig'; Script = "[pscustomobject]@{ Name = 'A_TOKEN'; Value = 'v' } | Update-McpConfig -Path target" }
            @{ Command = 'New-SophiaEnvTemplate'; Script = 'New-SophiaEnvTemplate -Path target' }
        ) {
            mkfifo target
            $result = Invoke-ChildPwsh "try { $Script -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }" $TestDrive -TimeoutSeconds 60
            $result.TimedOut | Should -BeFalse -Because 'nothing may open the FIFO'
            $result.Output | Should -Match 'not a regular file'
            test -p target
            $LASTEXITCODE | Should -Be 0 -Because 'target is still the FIFO'
        }
    }
}
