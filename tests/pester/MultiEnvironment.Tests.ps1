BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator

    # dev/staging/prod import the shared base; LINEAR_API_KEY differs per environment (org secrets with a suffix),
    # OPENAI_API_KEY is shared. Distinctive values: no output may contain any of them.
    $script:Values = [ordered]@{
        OPENAI_API_KEY = 'openai-SHARED-V4LUE-1'; LINEAR_API_KEY_DEV = 'lin-DEV-V4LUE-2'
        LINEAR_API_KEY_STAGING = 'lin-STG-V4LUE-3'; LINEAR_API_KEY_PROD = 'lin-PRD-V4LUE-4'
    }
    $script:Config = [ordered]@{
        githubOrganization = 'acme'
        shared             = [ordered]@{ esc = 'acme/sophia/common'; secrets = @('OPENAI_API_KEY') }
        environments       = [ordered]@{
            dev     = [ordered]@{ esc = 'acme/sophia/dev'; secrets = @('LINEAR_API_KEY', 'OPENAI_API_KEY'); githubEnvironment = 'development'; source = @{ suffix = '_DEV' } }
            staging = [ordered]@{ esc = 'acme/sophia/staging'; secrets = @('LINEAR_API_KEY', 'OPENAI_API_KEY'); githubEnvironment = 'staging'; source = @{ suffix = '_STAGING' } }
            prod    = [ordered]@{ esc = 'acme/sophia/prod'; categories = @('Core Services'); githubEnvironment = 'production'; source = @{ suffix = '_PROD' } }
        }
    }

    function New-MultiProject([System.Collections.IDictionary] $Config = $script:Config) {
        $folder = Join-Path $TestDrive ([guid]::NewGuid())
        $null = New-Item -ItemType Directory -Path $folder
        $Config | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath (Join-Path $folder 'secretsync.json')
        $folder
    }

    function Get-Records { foreach ($entry in $Values.GetEnumerator()) { [pscustomobject]@{ Name = $entry.Key; Value = $entry.Value } } }

    function Get-OpenedValues([string] $Environment) {
        $opened = Open-EmulatorEscEnvironment $Emulator $Environment
        $map = @{}
        foreach ($entry in $opened.properties.environmentVariables.value.GetEnumerator()) { $map[$entry.Key] = $entry.Value.value }
        $map
    }

    function Get-Writes { @(Get-EmulatorRequest $Emulator | Where-Object { $_.method -eq 'PATCH' -and $_.status -lt 300 } | ForEach-Object { $_.path }) }

    function Assert-NoValue([object[]] $Output) {
        $text = ($Output | Out-String) + ($Output | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue)
        foreach ($value in $Values.Values) { $text | Should -Not -Match ([regex]::Escape($value)) }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Multi-environment sync' {
    BeforeEach {
        Reset-Emulator $Emulator
        Clear-EmulatorFault $Emulator
        foreach ($name in 'common', 'dev', 'staging', 'prod') { New-EmulatorEscEnvironment $Emulator -Environment "acme/sophia/$name" }
        Clear-EmulatorRequest $Emulator
        Push-Location (New-MultiProject)
    }

    AfterEach { Pop-Location }

    Context 'With dev/staging/prod and a shared base' {
        It 'writes the base once and each environment once; the shared secret lives in the base only' {
            $results = @(Get-Records | Sync-SophiaSecret -Force)
            Get-Writes | Sort-Object | Should -Be @('/api/esc/environments/acme/sophia/common', '/api/esc/environments/acme/sophia/dev', '/api/esc/environments/acme/sophia/prod', '/api/esc/environments/acme/sophia/staging')
            ($results | ForEach-Object { "$($_.Target):$($_.Name):$($_.Action)" } | Sort-Object) | Should -Be @(
                'dev:LINEAR_API_KEY:Added', 'prod:LINEAR_API_KEY:Added', 'shared:OPENAI_API_KEY:Added', 'staging:LINEAR_API_KEY:Added')
            ($results | Where-Object Target -EQ staging).SourceName | Should -Be 'LINEAR_API_KEY_STAGING'

            (Get-EmulatorEscDefinition $Emulator acme/sophia/dev) | Should -Not -Match 'openai'
            (Get-EmulatorEscDefinition $Emulator acme/sophia/dev) | Should -Match '(?m)^imports:\r?\n  - sophia/common\r?$'
            foreach ($pair in @(@('dev', 'lin-DEV-V4LUE-2'), @('staging', 'lin-STG-V4LUE-3'), @('prod', 'lin-PRD-V4LUE-4'))) {
                $opened = Get-OpenedValues "acme/sophia/$($pair[0])"
                $opened.LINEAR_API_KEY | Should -BeExactly $pair[1]
                $opened.OPENAI_API_KEY | Should -BeExactly 'openai-SHARED-V4LUE-1' -Because 'the shared value arrives through the import'
            }
            Assert-NoValue $results

            Clear-EmulatorRequest $Emulator
            $again = @(Get-Records | Sync-SophiaSecret)
            Get-Writes | Should -BeNullOrEmpty -Because 'nothing changed, and the imports are in place'
            ($again.Action | Sort-Object -Unique) | Should -Be 'Unchanged'
        }

        It 'keeps imports it did not add, and adds the base after them' {
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/team -Yaml "values:`n  team: a`n"
            $null = Invoke-EmulatorApi $Emulator /api/esc/environments/acme/sophia/prod -Method PATCH -Body "# ours`nimports:`n  - team # hand-added`nvalues:`n  app: 1`n"
            $null = Get-Records | Sync-SophiaSecret -Environment prod, shared
            $definition = Get-EmulatorEscDefinition $Emulator acme/sophia/prod
            $definition | Should -Match "(?s)^# ours\nimports:\n  - team # hand-added\n  - sophia/common\nvalues:\n  app: 1\n"
        }

        It 'when the base moves, removes only the imports it added itself' {
            $null = Invoke-EmulatorApi $Emulator /api/esc/environments/acme/sophia/staging -Method PATCH -Body "imports:`n  - sophia/common # by hand`n"
            Clear-EmulatorRequest $Emulator
            $null = Get-Records | Sync-SophiaSecret -Force
            New-EmulatorEscEnvironment $Emulator -Environment acme/sophia/common2
            $moved = [ordered]@{ githubOrganization = 'acme'; shared = [ordered]@{ esc = 'acme/sophia/common2'; secrets = @('OPENAI_API_KEY') }; environments = $Config.environments }
            Push-Location (New-MultiProject $moved)
            try { $null = Get-Records | Sync-SophiaSecret -Force } finally { Pop-Location }

            $dev = Get-EmulatorEscDefinition $Emulator acme/sophia/dev
            $dev | Should -Match '(?m)^imports:\n  - sophia/common2\nvalues:'
            $dev | Should -Match 'managedImports: "sophia/common2"'
            $staging = Get-EmulatorEscDefinition $Emulator acme/sophia/staging
            $staging | Should -Match '(?m)^imports:\n  - sophia/common # by hand\n  - sophia/common2\n'
            (Get-OpenedValues acme/sophia/dev).OPENAI_API_KEY | Should -BeExactly 'openai-SHARED-V4LUE-1'
        }

        It 'syncs only the environments named, a reference or a name' {
            $results = @(Get-Records | Sync-SophiaSecret -Environment shared, acme/sophia/staging)
            ($results.Target | Sort-Object -Unique) | Should -Be @('shared', 'staging')
            Get-Writes | Sort-Object | Should -Be @('/api/esc/environments/acme/sophia/common', '/api/esc/environments/acme/sophia/staging')
        }

        It 'reports a failed environment, writes the others, and fails at the end' {
            Add-EmulatorFault $Emulator @{ method = 'PATCH'; pathPrefix = '/api/esc/environments/acme/sophia/staging'; count = 5; status = 403; message = 'forbidden here' }
            $results = [System.Collections.Generic.List[object]]::new()
            { Get-Records | Sync-SophiaSecret -ErrorVariable errors -ErrorAction SilentlyContinue | ForEach-Object { $results.Add($_) } } |
                Should -Throw -ErrorId 'SecretSync.EnvironmentSyncFailed,SecretSync.Commands.SyncSophiaSecretCommand'
            ($results | Where-Object Target -EQ staging).Action | Should -Be 'Failed'
            @($results | Where-Object { $_.Target -ne 'staging' -and $_.Action -eq 'Added' }).Count | Should -Be 3
            Get-Writes | Sort-Object | Should -Be @('/api/esc/environments/acme/sophia/common', '/api/esc/environments/acme/sophia/dev', '/api/esc/environments/acme/sophia/prod')
            (Get-OpenedValues acme/sophia/prod).LINEAR_API_KEY | Should -BeExactly 'lin-PRD-V4LUE-4'
        }

        It 'plans every environment with -WhatIf and writes none' {
            $results = @(Get-Records | Sync-SophiaSecret -WhatIf)
            $results.Count | Should -Be 4
            Get-Writes | Should -BeNullOrEmpty
        }
    }

    Context 'Compare across environments' {
        BeforeEach {
            $null = Get-Records | Sync-SophiaSecret -Force
        }

        It 'shows one row per name and one column per environment, shared values as arriving through the import' {
            $rows = @(Compare-SophiaSecret)
            $rows[0].PSTypeNames[0] | Should -Be 'SecretSync.EnvironmentDriftRow'
            @($rows[0].PSObject.Properties.Name) | Should -Be @('Name', 'Status', 'shared', 'dev', 'staging', 'prod')
            $linear = $rows | Where-Object Name -EQ LINEAR_API_KEY
            "$($linear.Status) $($linear.shared) $($linear.dev) $($linear.staging) $($linear.prod)" | Should -Be 'Differs - A B C'
            $openai = $rows | Where-Object Name -EQ OPENAI_API_KEY
            "$($openai.Status)|$($openai.shared)|$($openai.dev)|$($openai.staging)|$($openai.prod)" | Should -Be 'Same|A|A (shared)|A (shared)|A (shared)'
            $gong = $rows | Where-Object Name -EQ GONG_API_KEY
            "$($gong.Status) $($gong.dev) $($gong.prod)" | Should -Be 'Missing - missing' -Because 'prod receives the Core Services category'
            Assert-NoValue $rows
        }

        It 'marks a value whose GitHub source changed after the sync as stale' {
            Start-Sleep -Milliseconds 1100
            Set-EmulatorGitHubSecret $Emulator acme LINEAR_API_KEY_STAGING
            $linear = Compare-SophiaSecret LINEAR_API_KEY
            "$($linear.Status) $($linear.dev) $($linear.staging)" | Should -Be 'Stale A B (stale)'
        }

        It 'writes the table as Markdown' {
            $lines = @(Compare-SophiaSecret -Environment shared, dev, prod -AsMarkdown)
            $lines[0] | Should -Match '^\*\*Secrets across 3 environments:\*\* \d+ of \d+ need attention \(\d+ Missing'
            $lines[2] | Should -BeExactly '| Name | Status | shared | dev | prod |'
            $lines | Should -Contain '| `OPENAI_API_KEY` | Same | A | A (shared) | A (shared) |'
            Assert-NoValue $lines
        }

        It 'compares one environment with the local sources, shared values included' {
            $record = Compare-SophiaSecret OPENAI_API_KEY -Environment dev
            $record.PSTypeNames[0] | Should -Be 'SecretSync.DriftRecord'
            $record.InEsc | Should -BeTrue -Because 'the value arrives in dev through its import of the base'
        }
    }

    Context 'Reading several environments' {
        BeforeEach {
            $null = Get-Records | Sync-SophiaSecret -Force
        }

        It 'Get-SophiaSecret -Source Esc opens each, by name or reference, each record naming its environment' {
            $records = @(Get-SophiaSecret -Source Esc -Environment dev, acme/sophia/staging -Name LINEAR_API_KEY, OPENAI_API_KEY)
            ($records | ForEach-Object { "$($_.Name)@$($_.Origin -replace '@\d+$')" } | Sort-Object) | Should -Be @(
                'LINEAR_API_KEY@esc:acme/sophia/dev', 'LINEAR_API_KEY@esc:acme/sophia/staging', 'OPENAI_API_KEY@esc:acme/sophia/dev', 'OPENAI_API_KEY@esc:acme/sophia/staging')
            ($records | Where-Object Origin -Like 'esc:acme/sophia/staging*' | Where-Object Name -EQ LINEAR_API_KEY).Fingerprint |
                Should -Not -Be ($records | Where-Object Origin -Like 'esc:acme/sophia/dev*' | Where-Object Name -EQ LINEAR_API_KEY).Fingerprint
        }

        It 'Invoke-SophiaCommand runs with several environments, a later one winning' {
            $out = Join-Path $TestDrive 'run.txt'
            Invoke-SophiaCommand shared, prod /bin/sh -c 'printf "%s|%s" "$LINEAR_API_KEY" "$OPENAI_API_KEY" > "$0"' $out
            (Get-Content -Raw $out) | Should -BeExactly 'lin-PRD-V4LUE-4|openai-SHARED-V4LUE-1'
            Invoke-SophiaCommand prod, acme/sophia/dev /bin/sh -c 'printf "%s" "$LINEAR_API_KEY" > "$0"' $out
            (Get-Content -Raw $out) | Should -BeExactly 'lin-DEV-V4LUE-2'
        }
    }

    Context 'The sync workflow' {
        It 'generates the matrix from the catalog and secretsync.json alone, and checks it current' {
            $null = git init --quiet (Get-Location).Path
            $file = New-SophiaSyncWorkflow -ModuleSource Gallery -ModuleVersion 1.2.0 -WarningAction SilentlyContinue
            $text = Get-Content -Raw $file.FullName
            $text | Should -Match '(?m)^      fail-fast: false$'
            $text | Should -Match '(?m)^    needs: shared$'
            $text | Should -Match "(?m)^          LINEAR_API_KEY_STAGING: \$\{\{ \(matrix.target == 'staging'\) && secrets.LINEAR_API_KEY_STAGING \|\| '' \}\}$"
            (New-SophiaSyncWorkflow -Check -WarningAction SilentlyContinue).Status | Should -Be 'Current'
        }

        It 'a matrix job collects its own source-named secrets from its environment variables' {
            $saved = @{}
            foreach ($name in 'LINEAR_API_KEY_STAGING', 'LINEAR_API_KEY', 'OPENAI_API_KEY') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
            try {
                # What the job of the staging matrix entry sees: its own secret; the others evaluate to '' (unset).
                $env:LINEAR_API_KEY_STAGING = 'lin-STG-V4LUE-3'; $env:LINEAR_API_KEY = $null; $env:OPENAI_API_KEY = $null
                $results = @(Get-SophiaSecret -Source Environment | Sync-SophiaSecret -Environment staging -Force)
                "$($results.Target):$($results.Name):$($results.Action):$($results.SourceName)" | Should -Be 'staging:LINEAR_API_KEY:Added:LINEAR_API_KEY_STAGING'
            } finally {
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }
        }
    }

    Context 'Completion of -Environment' {
        It 'offers the names of secretsync.json and the ESC references, for each command' {
            foreach ($command in 'Sync-SophiaSecret', 'Compare-SophiaSecret', 'Get-SophiaSecret -Source Esc', 'Invoke-SophiaCommand') {
                $line = "$command -Environment dev, "
                $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
                $completions | Should -Contain 'staging' -Because $command
                $completions | Should -Contain 'shared' -Because $command
                $completions | Should -Contain 'acme/sophia/prod' -Because $command
            }
            $line = 'Sync-SophiaSecret -Environment st'
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Be @('staging')
        }
    }

    Context 'With a malformed environments section' {
        It 'names file and line of a bad environment name' {
            $config = [ordered]@{ environments = [ordered]@{ 'bad name' = @{ esc = 'acme/sophia/x' } } }
            Push-Location (New-MultiProject $config)
            try {
                { Sync-SophiaSecret -Environment acme/x -WhatIf } | Should -Throw -ErrorId 'SecretSync.ConfigParseError,SecretSync.Commands.SyncSophiaSecretCommand'
                { Sync-SophiaSecret -Environment acme/x -WhatIf } | Should -Throw '*secretsync.json:*environment name*'
            } finally { Pop-Location }
        }

        It 'refuses an unknown environment name, naming the configured ones' {
            { Sync-SophiaSecret -Environment qa -WhatIf } | Should -Throw -ErrorId 'SecretSync.InvalidEnvironment,SecretSync.Commands.SyncSophiaSecretCommand'
            { Sync-SophiaSecret -Environment qa -WhatIf } | Should -Throw '*shared, dev, staging, prod*'
        }
    }
}
