BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator

    # Distinctive values: no output of Compare-SophiaSecret may contain any of them.
    $script:Values = @{
        LinearLocal = 'lin-local-V4LUE-111'; LinearEsc = 'lin-esc-V4LUE-222'; Gong = 'gong-V4LUE-333'
        Acme = 'acme-V4LUE-444'; Pinecone = 'pine-V4LUE-555'; Slack = 'slack-V4LUE-666'
    }

    function New-Project([string] $Folder, [hashtable] $Config, [string] $DotEnv, [string] $Mcp) {
        $null = New-Item -ItemType Directory -Path $Folder -Force
        $Config | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath (Join-Path $Folder 'secretsync.json')
        if ($DotEnv) { Set-Content -LiteralPath (Join-Path $Folder '.env') -Value $DotEnv }
        if ($Mcp) { Set-Content -LiteralPath (Join-Path $Folder 'mcp_config.json') -Value $Mcp }
    }

    function Sync-ToEsc([hashtable] $Map) {
        $null = $Map.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Value = $_.Value } } | Sync-SophiaSecret -Environment acme/prod
    }

    function Find-Record([object[]] $Records, [string] $Name) {
        $found = @($Records | Where-Object Name -CEQ $Name)
        $found.Count | Should -Be 1 -Because "$Name should be reported once"
        $found[0]
    }

    # One drifted project: every status but NotFound has a name in it.
    function Initialize-DriftedProject {
        Reset-Emulator $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod
        $script:Project = Join-Path $TestDrive ([guid]::NewGuid())
        New-Project $Project -Config @{
            escEnvironment = 'acme/prod'; githubOrganization = 'acme'; envFiles = @('.env'); mcpConfigs = @('mcp_config.json')
            secrets = @(@{ name = 'ACME_API_KEY'; category = 'Test' })
        } -DotEnv (@(
                "LINEAR_API_KEY=$($Values.LinearLocal)", "GONG_API_KEY=$($Values.Gong)", "ACME_API_KEY=$($Values.Acme)",
                'linear_token=lower-case-name', 'PORT=3000'
            ) -join "`n") -Mcp '{ "mcpServers": { "x": { "command": "x", "env": { "A": "${GONG_API_KEY}", "B": "${ANTHROPIC_API_KEY}" } } } }'
        Set-EmulatorGitHubSecret $Emulator -Organization acme -Name GONG_API_KEY, SLACK_BOT_TOKEN, OPENAI_API_KEY
        Sync-ToEsc @{ LINEAR_API_KEY = $Values.LinearEsc; GONG_API_KEY = $Values.Gong; PINECONE_API_KEY = $Values.Pinecone; SLACK_BOT_TOKEN = $Values.Slack }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Compare-SophiaSecret' {
    Context 'With a drifted project' {
        BeforeAll {
            Initialize-DriftedProject
            Push-Location $Project
            Clear-EmulatorRequest $Emulator
            $script:Records = @(Compare-SophiaSecret -ErrorVariable script:CompareErrors)
            $script:Requests = @(Get-EmulatorRequest $Emulator)
        }

        AfterAll {
            Pop-Location
        }

        It 'reports <Name> as <Status>' -ForEach @(
            @{ Name = 'SNOWFLAKE_USER'; Status = 'MissingRequired'; Hint = 'Set-SophiaSecret -Name SNOWFLAKE_USER -Target GitHubOrg, Esc' }
            @{ Name = 'linear_token'; Status = 'InvalidName'; Hint = 'Test-SophiaSecretName linear_token -Detailed' }
            @{ Name = 'ANTHROPIC_API_KEY'; Status = 'UnresolvedReference'; Hint = 'restart the MCP server' }
            @{ Name = 'OPENAI_API_KEY'; Status = 'MissingInEsc'; Hint = 'Start-SophiaSecretSync -Wait' }
            @{ Name = 'ACME_API_KEY'; Status = 'MissingInEsc'; Hint = 'Get-SophiaSecret -Name ACME_API_KEY | Sync-SophiaSecret' }
            @{ Name = 'LINEAR_API_KEY'; Status = 'ValueMismatch'; Hint = 'Export-SophiaSecret -Format DotEnv' }
            @{ Name = 'PINECONE_API_KEY'; Status = 'MissingLocally'; Hint = 'Get-SophiaSecret -Source Esc -Name PINECONE_API_KEY | Export-SophiaSecret -Format DotEnv' }
            @{ Name = 'SLACK_BOT_TOKEN'; Status = 'MissingLocally'; Hint = 'Export-SophiaSecret' }
            @{ Name = 'GONG_API_KEY'; Status = 'InSync'; Hint = $null }
        ) {
            $record = Find-Record $Records $Name
            $record.PSTypeNames[0] | Should -Be 'SecretSync.DriftRecord'
            "$($record.Status)" | Should -Be $Status
            if ($Hint) { $record.Hint | Should -BeLike "*$Hint*" } else { $record.Hint | Should -BeNullOrEmpty }
        }

        It 'fills presence, references, value agreement and the ESC revision' {
            $gong = Find-Record $Records GONG_API_KEY
            $gong.Sources | Should -Be 'Catalog,DotEnv,GitHub,Esc,Mcp'
            $gong.InGitHub | Should -BeTrue
            $gong.InEsc | Should -BeTrue
            $gong.ValuesAgree | Should -BeTrue
            $gong.ReferencedBy | Should -Be (Join-Path $Project 'mcp_config.json')
            $gong.EscRevision | Should -Be (Get-EmulatorEscRevision $Emulator acme/default/prod)
            $gong.EscRevisionCreatedAt | Should -Not -BeNullOrEmpty
            $linear = Find-Record $Records LINEAR_API_KEY
            $linear.ValuesAgree | Should -BeFalse
            $linear.DisagreeingSources | Should -Be 'DotEnv vs Esc'
        }

        It 'leaves configuration keys of .env out' {
            $Records.Name | Should -Not -Contain 'PORT'
        }

        It 'writes no error record for drift' {
            $CompareErrors.Count | Should -Be 0
        }

        It 'only reads: one ESC open (of the revision read first), one revision lookup and the GitHub inventory' {
            $esc = @($Requests | Where-Object path -Like '/api/esc/*')
            $esc.Count | Should -Be 4
            @($esc | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/versions/*/open' }).Count | Should -Be 1
            @($esc | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/versions' }).Count | Should -Be 1
            @($Requests | Where-Object { $_.method -notin 'GET', 'POST' -or ($_.method -eq 'POST' -and $_.path -notlike '*/open*') }).Count | Should -Be 0
            @($Requests | Where-Object path -Like '/api/v3/orgs/acme/actions/secrets*').Count | Should -Be 1
        }

        It 'filters by -Name and reports a literal name found nowhere' {
            $filtered = @(Compare-SophiaSecret GONG_API_KEY, 'ACME*', NOWHERE_API_KEY)
            ($filtered.Name | Sort-Object) | Should -Be @('ACME_API_KEY', 'GONG_API_KEY', 'NOWHERE_API_KEY')
            "$((Find-Record $filtered NOWHERE_API_KEY).Status)" | Should -Be 'NotFound'
        }

        It 'emits a Markdown table with -AsMarkdown' {
            $lines = @(Compare-SophiaSecret GONG_API_KEY, LINEAR_API_KEY -AsMarkdown)
            $lines | ForEach-Object { $_ | Should -BeOfType [string] }
            $lines[0] | Should -Be '**Secret drift:** 1 of 2 secrets need attention (1 ValueMismatch).'
            $lines[1] | Should -Be ''
            $lines[2] | Should -Be '| Name | Status | Where | Hint |'
            $lines[3] | Should -Be '|---|---|---|---|'
            $lines[4].StartsWith('| `LINEAR_API_KEY` | ValueMismatch | Catalog,DotEnv,Esc | Values differ (DotEnv vs Esc).') | Should -BeTrue
            $lines[4] | Should -Match '\\\| Export-SophiaSecret -Format DotEnv; .* \|$' -Because 'the pipe inside the hint is escaped'
            $lines[5] | Should -Be '| `GONG_API_KEY` | InSync | Catalog,DotEnv,GitHub,Esc,Mcp |  |'
            $lines.Count | Should -Be 6
        }

        It 'writes Status and Issues as names when the record itself is piped to ConvertTo-Json' {
            $record = Find-Record $Records LINEAR_API_KEY
            $record.Status | Should -BeOfType [string]
            $parsed = $record | ConvertTo-Json -Depth 3 | ConvertFrom-Json
            $parsed.Status | Should -BeExactly 'ValueMismatch'
            @($parsed.Issues) | Should -Contain 'ValueMismatch'
            # The name converts back to the enum in PowerShell.
            [SecretSync.Core.Checks.Drift.DriftStatus] $record.Status | Should -Be ([SecretSync.Core.Checks.Drift.DriftStatus]::ValueMismatch)
            @($Records | Where-Object Status -EQ ValueMismatch).Name | Should -Contain LINEAR_API_KEY
        }

        It 'exports Status and Issues as names with Export-Csv' {
            $csv = Join-Path $TestDrive 'drift.csv'
            $Records | Export-Csv -LiteralPath $csv
            $row = Import-Csv -LiteralPath $csv | Where-Object Name -EQ LINEAR_API_KEY
            $row.Status | Should -Be 'ValueMismatch'
            $row.Issues | Should -Match '^ValueMismatch'
        }

        It 'filters the Markdown table with -Status, keeping the counts of everything compared' {
            $lines = @(Compare-SophiaSecret GONG_API_KEY, LINEAR_API_KEY, PINECONE_API_KEY -AsMarkdown -Status ValueMismatch, MissingLocally)
            $lines[0] | Should -Be '**Secret drift:** 2 of 3 secrets need attention (1 ValueMismatch, 1 MissingLocally).'
            $rows = @($lines | Select-Object -Skip 4)
            $rows.Count | Should -Be 2
            $rows -join "`n" | Should -Not -Match 'GONG_API_KEY'
            @(Compare-SophiaSecret -Status InSync).Status | Sort-Object -Unique | Should -Be 'InSync'
        }

        It 'shows no value or fingerprint in any output stream' {
            $fingerprints = @(Get-SophiaSecret -Path .env | ForEach-Object Fingerprint) + @(Get-SophiaSecret -Source Esc -Environment acme/prod | ForEach-Object Fingerprint)
            $text = @(
                Compare-SophiaSecret -Verbose *>&1 | Out-String -Width 400
                Compare-SophiaSecret | Format-List * | Out-String -Width 400
                Compare-SophiaSecret -AsMarkdown -Verbose *>&1 | Out-String -Width 400
            ) -join "`n"
            $text | Should -Match 'LINEAR_API_KEY'
            foreach ($value in $Values.Values) { $text | Should -Not -Match ([regex]::Escape($value)) }
            foreach ($fingerprint in $fingerprints) { $text | Should -Not -Match $fingerprint }
        }
    }

    Context 'With GitHub updated after the sync' {
        BeforeAll {
            Initialize-DriftedProject
            Push-Location $Project
        }

        AfterAll {
            Pop-Location
        }

        It 'reports Stale until the sync runs again' {
            "$((Compare-SophiaSecret SLACK_BOT_TOKEN).Status)" | Should -Be 'MissingLocally'
            Start-Sleep -Milliseconds 1100  # GitHub's updated_at has whole seconds
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name SLACK_BOT_TOKEN -Value 'rotated'
            $stale = Compare-SophiaSecret SLACK_BOT_TOKEN
            "$($stale.Status)" | Should -Be 'Stale'
            $stale.GitHubUpdatedAt | Should -BeGreaterThan $stale.EscRevisionCreatedAt
            $stale.Hint | Should -BeLike '*Start-SophiaSecretSync -Wait*Also: MissingLocally: *Get-SophiaSecret -Source Esc -Name SLACK_BOT_TOKEN | Export-SophiaSecret -Format DotEnv.'

            Start-Sleep -Milliseconds 1100
            Sync-ToEsc @{ SLACK_BOT_TOKEN = 'rotated' }
            "$((Compare-SophiaSecret SLACK_BOT_TOKEN).Status)" | Should -Be 'MissingLocally'
        }
    }

    Context 'With a secret rotated in GitHub after SecretSync pushed it' {
        BeforeAll {
            Initialize-DriftedProject
            Push-Location $Project
        }

        AfterAll {
            Pop-Location
        }

        It 'stays Stale after later, unrelated ESC revisions, until a push is recorded again' {
            $pushFromEsc = { $null = Get-SophiaSecret -Source Esc -Name PINECONE_API_KEY | Set-SophiaSecret -Target GitHubOrg -WarningAction SilentlyContinue }
            & $pushFromEsc
            (Compare-SophiaSecret PINECONE_API_KEY).Issues | Should -Not -Contain 'Stale'

            Start-Sleep -Milliseconds 1100  # GitHub's updated_at has whole seconds
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name PINECONE_API_KEY -Value 'rotated in GitHub'
            Start-Sleep -Milliseconds 1100
            Sync-ToEsc @{ GONG_API_KEY = 'an unrelated change' }

            $stale = Compare-SophiaSecret PINECONE_API_KEY
            $stale.EscRevisionCreatedAt | Should -BeGreaterThan $stale.GitHubUpdatedAt -Because 'the ESC revision is newer than the rotation'
            "$($stale.Status)" | Should -Be 'Stale'
            $stale.Hint | Should -BeLike '*after SecretSync last pushed it*Start-SophiaSecretSync -Wait*Set-SophiaSecret -Target GitHubOrg*'

            & $pushFromEsc
            (Compare-SophiaSecret PINECONE_API_KEY).Issues | Should -Not -Contain 'Stale'
        }
    }

    Context 'With a missing token or a broken MCP config' {
        BeforeAll {
            Initialize-DriftedProject
            Push-Location $Project
        }

        AfterAll {
            Pop-Location
        }

        It 'skips GitHub with a warning saying how to include it' {
            $saved = $env:GITHUB_TOKEN
            try {
                Remove-Item Env:GITHUB_TOKEN
                $records = @(Compare-SophiaSecret GONG_API_KEY, OPENAI_API_KEY -WarningVariable warnings -WarningAction SilentlyContinue)
            } finally {
                $env:GITHUB_TOKEN = $saved
            }
            ($warnings -join ' ') | Should -Match 'GitHub organisation acme was not compared.*GITHUB_TOKEN.*-GitHubToken'
            (Find-Record $records GONG_API_KEY).InGitHub | Should -BeNullOrEmpty
            $openAi = Find-Record $records OPENAI_API_KEY
            "$($openAi.Status)" | Should -Be 'InSync' -Because 'it is only in GitHub, which was skipped, and optional'
            $openAi.InGitHub | Should -BeNullOrEmpty
            $openAi.Hint | Should -Be 'Optional; set nowhere checked.'
        }

        It 'skips ESC with a warning saying how to include it' {
            $saved = $env:PULUMI_ACCESS_TOKEN
            try {
                Remove-Item Env:PULUMI_ACCESS_TOKEN
                $record = Compare-SophiaSecret GONG_API_KEY -WarningVariable warnings -WarningAction SilentlyContinue
            } finally {
                $env:PULUMI_ACCESS_TOKEN = $saved
            }
            ($warnings -join ' ') | Should -Match 'acme/default/prod was not compared.*PULUMI_ACCESS_TOKEN'
            $record.InEsc | Should -BeNullOrEmpty
            "$($record.Status)" | Should -Be 'InSync'
        }

        It 'warns about a malformed MCP config by file and line and goes on' {
            Set-Content -LiteralPath bad.json -Value "{`n  `"mcpServers`": {`n    `"x`": { `"env`": { `"A`": `"`${GONG_API_KEY}`" ]`n}"
            $records = @(Compare-SophiaSecret ANTHROPIC_API_KEY -McpConfig bad.json, mcp_config.json -WarningVariable warnings -WarningAction SilentlyContinue)
            ($warnings -join ' ') | Should -Match 'bad\.json:3:\d+: .*not compared'
            "$((Find-Record $records ANTHROPIC_API_KEY).Status)" | Should -Be 'UnresolvedReference'
        }

        It 'stops with SecretSync.FileNotFound for a missing -Path' {
            { Compare-SophiaSecret -Path nothing-here.env } | Should -Throw -ErrorId 'SecretSync.FileNotFound,SecretSync.Commands.CompareSophiaSecretCommand'
        }
    }

    Context 'With typos and references the client resolves itself' {
        BeforeAll {
            $script:Project = Join-Path $TestDrive 'day-two'
            New-Project $Project -Config @{ patterns = @() } -DotEnv "GONG_API_KEY=$($Values.Gong)`nLINEAR_APY_KEY=x" -Mcp '{ "mcpServers": { "x": { "command": "x", "env": { "A": "${LINEAR_APY_KEY}", "G": "${GONG_API_KEY}" } } } }'
            $null = New-Item -ItemType Directory (Join-Path $Project '.cursor')
            Set-Content -LiteralPath (Join-Path $Project '.cursor/mcp.json') -Value '{ "mcpServers": { "gong": { "command": "gong", "env": { "GONG_API_KEY": "${env:GONG_API_KEY}" } } } }'
            Push-Location $Project
            $script:Records = @(Compare-SophiaSecret -McpConfig mcp_config.json, .cursor/mcp.json -WarningVariable script:CompareWarnings)
        }

        AfterAll {
            Pop-Location
        }

        It 'reports a name near a catalogued one as LikelyTypo with the name to use' {
            $typo = Find-Record $Records LINEAR_APY_KEY
            "$($typo.Status)" | Should -Be 'LikelyTypo'
            $typo.SuggestedName | Should -Be 'LINEAR_API_KEY'
            $typo.Hint | Should -Match 'did you mean LINEAR_API_KEY\?'
            $typo.Hint | Should -Match 'mcp_config\.json:1'
            $typo.Hint | Should -Not -Match 'Set-SophiaSecret -Name LINEAR_APY_KEY'
        }

        It 'reports a ${env:NAME} reference set only in .env as unresolved: the client does not read .env' {
            $gong = Find-Record $Records GONG_API_KEY
            "$($gong.Status)" | Should -Be 'UnresolvedReference'
            $gong.Hint | Should -Match 'does not read \.env'
            $gong.Hint | Should -Match 'mcp\.json:1'
        }
    }

    Context 'With -MaxAge (rotation age)' {
        BeforeAll {
            Reset-Emulator $Emulator
            # Old values are written ten days back on the emulator's clock, fresh ones now: both lie days from the
            # five-day cut-off, so however slow the machine, neither crosses it while the test runs.
            Set-EmulatorClock $Emulator -Offset (New-TimeSpan -Days -10)
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod
            $script:Project = Join-Path $TestDrive 'rotation-age'
            New-Project $Project -Config @{ escEnvironment = 'acme/prod'; githubOrganization = 'acme'; patterns = @() }
            Push-Location $Project
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name OLDGH_API_KEY
            Sync-ToEsc @{ OLD_API_KEY = 'old-V4LUE'; FRESH_API_KEY = 'fresh-V4LUE-1' }
            Set-EmulatorClock $Emulator -Offset ([timespan]::Zero)
            Sync-ToEsc @{ FRESH_API_KEY = 'fresh-V4LUE-2' }
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name FRESHGH_API_KEY
            Clear-EmulatorRequest $Emulator
            $script:Aged = @(Compare-SophiaSecret -MaxAge (New-TimeSpan -Days 5))
            $script:AgedRequests = @(Get-EmulatorRequest $Emulator | ForEach-Object { "$($_.method) $($_.path)" })
        }

        AfterAll {
            Pop-Location
        }

        It 'reports a value ESC has not changed for longer than -MaxAge as RotationDue, with the rotation command' {
            $old = Find-Record $Aged OLD_API_KEY
            @($old.Issues) | Should -Contain 'RotationDue'
            $old.Hint | Should -Match 'Rotate-SophiaSecret\.ps1 -Name OLD_API_KEY'
            @((Find-Record $Aged FRESH_API_KEY).Issues) | Should -Not -Contain 'RotationDue'
        }

        It 'judges GitHub by updated_at' {
            @((Find-Record $Aged OLDGH_API_KEY).Issues) | Should -Contain 'RotationDue'
            @((Find-Record $Aged FRESHGH_API_KEY).Issues) | Should -Not -Contain 'RotationDue'
        }

        It 'learns ESC''s last change from one revision listing and one open of the revision before the cut-off' {
            @($AgedRequests | Where-Object { $_ -like 'GET */versions' }).Count | Should -Be 2 -Because 'one listing for the current revision, one for the cut-off'
            @($AgedRequests | Where-Object { $_ -like 'POST */versions/*/open' }).Count | Should -Be 2 -Because 'the current revision and the one before the cut-off'
        }

        It 'takes a number as days' {
            @(Compare-SophiaSecret -MaxAge 30 | Where-Object { @($_.Issues) -contains 'RotationDue' }) | Should -BeNullOrEmpty
        }

        It 'refuses a -MaxAge that is not positive' {
            { Compare-SophiaSecret -MaxAge 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SecretSync.Commands.CompareSophiaSecretCommand'
            { Compare-SophiaSecret -MaxAge (New-TimeSpan -Days -1) } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SecretSync.Commands.CompareSophiaSecretCommand'
        }

        It 'shows no rotation age without -MaxAge' {
            @(Compare-SophiaSecret | Where-Object { @($_.Issues) -contains 'RotationDue' }) | Should -BeNullOrEmpty
        }
    }

    Context 'With a .env the two dialects read differently' {
        BeforeAll {
            $script:Project = Join-Path $TestDrive 'dialects'
            New-Project $Project -Config @{ envFiles = @('.env') } -DotEnv "LINEAR_API_KEY='same-in-both'`nGONG_API_KEY=pa`$word$($Values.Gong)"
            Push-Location $Project
            $script:Records = @(Compare-SophiaSecret LINEAR_API_KEY, GONG_API_KEY -WarningAction SilentlyContinue)
        }

        AfterAll {
            Pop-Location
        }

        It 'reports a key DotNetEnv reads differently as DialectMismatch with the line and a hint' {
            $gong = Find-Record $Records GONG_API_KEY
            "$($gong.Status)" | Should -Be 'DialectMismatch'
            $gong.Hint | Should -Match '\.env:2.*DotNetEnv'
            ($Records | Out-String) + $gong.Hint | Should -Not -Match $Values.Gong
            "$((Find-Record $Records LINEAR_API_KEY).Status)" | Should -Not -Be 'DialectMismatch'
        }
    }

    Context 'With everything in sync' {
        BeforeAll {
            Reset-Emulator $Emulator
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod
            $script:Project = Join-Path $TestDrive 'in-sync'
            $required = (Get-SophiaSecretCatalog | Where-Object { $_.Required -and $_.Name -ne 'PULUMI_ACCESS_TOKEN' }).Name
            New-Project $Project -Config @{ escEnvironment = 'acme/prod'; patterns = @() } -DotEnv (($required | ForEach-Object { "$_=value-of-$_" }) -join "`n")
            Push-Location $Project
            $null = Get-SophiaSecret | Sync-SophiaSecret
            # The credentials in use are synced only when named exactly.
            $null = Get-SophiaSecret -Name PULUMI_ACCESS_TOKEN, GITHUB_TOKEN | Sync-SophiaSecret
        }

        AfterAll {
            Pop-Location
        }

        It 'reports only InSync and writes no error or warning' {
            $records = @(Compare-SophiaSecret -ErrorVariable errors -WarningVariable warnings)
            $records.Count | Should -BeGreaterThan 12
            @($records | Where-Object Status -NE 'InSync') | Should -BeNullOrEmpty
            $errors.Count | Should -Be 0
            $warnings.Count | Should -Be 0
            (Compare-SophiaSecret -AsMarkdown)[0] | Should -BeLike '**Secret drift:** none (* compared, all InSync).'
        }
    }
}
