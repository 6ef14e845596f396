BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Get-SophiaSecret' {
    BeforeEach {
        Push-Location $TestDrive
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
    }
    AfterEach { Pop-Location }

    Context 'With the default sources' {
        It 'collects catalogued and pattern-matching variables and ./.env' {
            Set-Content .env "LINEAR_API_KEY=from-dotenv-$([guid]::NewGuid())`nCUSTOM_TOKEN='t o k'"
            $env:ACME_API_KEY = 'acme-' + [guid]::NewGuid()
            try {
                $records = Get-SophiaSecret
            } finally { Remove-Item env:ACME_API_KEY }
            $records[0].PSTypeNames[0] | Should -Be 'SecretSync.SecretRecord'
            ($records | Where-Object Name -EQ 'ACME_API_KEY').Origin | Should -Be 'env:ACME_API_KEY'
            ($records | Where-Object Source -EQ 'DotEnv').Origin | Should -Be @('.env:1', '.env:2')
            ($records | Where-Object Name -EQ 'CUSTOM_TOKEN').Value | Should -BeOfType [securestring]
        }

        It 'skips the credentials it authenticates with, unless named exactly or in a file' {
            # The emulator set PULUMI_ACCESS_TOKEN and GITHUB_TOKEN in this process, as an operator's shell has them.
            $env:CREDENTIAL_TEST_API_KEY = 'collected-' + [guid]::NewGuid()
            try {
                $records = @(Get-SophiaSecret -Verbose 4>&1)
            } finally { Remove-Item env:CREDENTIAL_TEST_API_KEY }
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            $names = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | ForEach-Object Name)
            $names | Should -Contain 'CREDENTIAL_TEST_API_KEY'
            $names | Should -Not -Contain 'PULUMI_ACCESS_TOKEN'
            $names | Should -Not -Contain 'GITHUB_TOKEN'
            @($verbose | Where-Object Message -Match 'credentials SecretSync itself authenticates with').Count | Should -Be 1
            ($verbose.Message -join ' ') | Should -Match 'env:GITHUB_TOKEN, env:PULUMI_ACCESS_TOKEN'

            (Get-SophiaSecret -Name PULUMI_ACCESS_TOKEN).Origin | Should -Be 'env:PULUMI_ACCESS_TOKEN'
            @(Get-SophiaSecret -Name PULUMI_*).Count | Should -Be 0 -Because 'a wildcard does not name it'
            Set-Content .env 'PULUMI_ACCESS_TOKEN=pul-from-file'
            (Get-SophiaSecret -Name PULUMI_*).Origin | Should -Be '.env:1'
        }

        It 'reads the envFiles of secretsync.json' {
            Set-Content secretsync.json '{ "envFiles": ["config/app.env"] }'
            $null = New-Item -ItemType Directory config
            Set-Content config/app.env 'APP_API_KEY=x'
            (Get-SophiaSecret -Source DotEnv).Origin | Should -Be 'app.env:1'
        }
    }

    Context 'With .env files from the pipeline' {
        It 'binds FullName from Get-ChildItem' {
            Set-Content a.env 'A_API_KEY=1'
            Set-Content b.env "B_API_KEY=2`nB_TOKEN=3"
            $records = Get-ChildItem *.env | Get-SophiaSecret -Source DotEnv
            $records.Name | Should -Be @('A_API_KEY', 'B_API_KEY', 'B_TOKEN')
        }

        It 'returns plain strings with -AsPlainText, exactly as written' {
            Set-Content -NoNewline -LiteralPath pem.env -Value "PEM_PRIVATE_KEY=`"-----BEGIN KEY-----`nabc`n-----END KEY-----`"`nSPACED_SECRET=`"  two  `"`nUNICODE_TOKEN=héllo✓"
            $records = Get-SophiaSecret -Path pem.env -AsPlainText
            $records[0].Value | Should -BeExactly "-----BEGIN KEY-----`nabc`n-----END KEY-----"
            $records[1].Value | Should -BeExactly '  two  '
            $records[2].Value | Should -BeExactly 'héllo✓'
        }

        It 'serialises Source as a name with Select-Object | ConvertTo-Json and Export-Csv, and no value' {
            $value = 'json-V4LUE-' + [guid]::NewGuid()
            Set-Content .env "LINEAR_API_KEY=$value"
            $json = Get-SophiaSecret -Path .env | Select-Object * | ConvertTo-Json
            ($json | ConvertFrom-Json).Source | Should -Be 'DotEnv'
            $json | Should -Not -Match ([regex]::Escape($value))
            Get-SophiaSecret -Path .env | Export-Csv -LiteralPath records.csv
            (Import-Csv -LiteralPath records.csv).Source | Should -Be 'DotEnv'
        }

        It 'filters by -Name wildcards' {
            Set-Content c.env "C_API_KEY=1`nC_TOKEN=2"
            (Get-SophiaSecret -Path c.env -Name *_TOKEN).Name | Should -Be 'C_TOKEN'
        }

        It 'stops with SecretSync.DotEnvParseError naming file, line and column, and returns nothing' {
            Set-Content bad.env "GOOD_API_KEY=fine-value-123`nthis is not valid"
            $script:output = $null
            { $script:output = Get-SophiaSecret -Path bad.env } | Should -Throw -ErrorId 'SecretSync.DotEnvParseError,SecretSync.Commands.GetSophiaSecretCommand'
            $script:output | Should -BeNullOrEmpty
            try { Get-SophiaSecret -Path bad.env } catch {
                $_.Exception.Message | Should -Match 'bad\.env:2:\d+:'
                $_.Exception.Message | Should -Not -Match 'fine-value-123'
            }
        }

        It 'says when a file does not exist' {
            { Get-SophiaSecret -Path nope.env } | Should -Throw -ErrorId 'SecretSync.FileNotFound,SecretSync.Commands.GetSophiaSecretCommand'
        }
    }

    Context 'With an ordinary project .env' {
        It 'skips configuration keys quietly, lists them with -Verbose, and reads one named with -Name' {
            Set-Content .env "PORT=3000`nNODE_ENV=production`nDATABASE_URL=postgres://u:p@db/app`nDEBUG=1`nLINEAR_API_KEY=lin-$([guid]::NewGuid())"
            $records = Get-SophiaSecret -Source DotEnv -ErrorVariable errors -WarningVariable warnings -Verbose 4>&1
            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Name | Should -Be @('DATABASE_URL', 'LINEAR_API_KEY')
            $errors.Count | Should -Be 0
            $warnings.Count | Should -Be 0
            "$verbose" | Should -Match 'PORT \(line 1\), NODE_ENV \(line 2\), DEBUG \(line 4\)'
            (Get-SophiaSecret -Source DotEnv -Name PORT -AsPlainText).Value | Should -Be '3000'
        }

        It 'reads a key without = as not set, says so with -Verbose, and reads the rest' {
            Set-Content .env "A_API_KEY=1`nDEBUG`nB_API_KEY=2"
            $output = Get-SophiaSecret -Source DotEnv -Verbose 4>&1
            @($output | Where-Object { $_ -is [SecretSync.Core.Records.Secrets.SecretRecord] }).Name | Should -Be @('A_API_KEY', 'B_API_KEY')
            "$(@($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }))" | Should -Match "\.env:2: a key without '='"
        }

        It 'lets the process environment win over .env and says once that they differ, naming both origins' {
            $fromEnv = 'env-' + [guid]::NewGuid(); $fromFile = 'file-' + [guid]::NewGuid()
            Set-Content .env "GONG_API_KEY=$fromFile"
            $env:GONG_API_KEY = $fromEnv
            try {
                $records = @(Get-SophiaSecret -Name GONG_API_KEY -AsPlainText -WarningVariable warnings -WarningAction SilentlyContinue)
            } finally { Remove-Item env:GONG_API_KEY }
            $records.Count | Should -Be 1
            $records[0].Value | Should -BeExactly $fromEnv
            $records[0].Origin | Should -Be 'env:GONG_API_KEY'
            $warnings.Count | Should -Be 1
            "$warnings" | Should -Match 'env:GONG_API_KEY'
            "$warnings" | Should -Match '\.env:1'
            "$warnings" | Should -Not -Match "$fromEnv|$fromFile"
        }

        It 'asks about a key that looks like a typo of a catalogued name' {
            Set-Content .env 'LINEAR_APY_KEY=x'
            $null = Get-SophiaSecret -Source DotEnv -WarningVariable warnings -WarningAction SilentlyContinue
            "$warnings" | Should -Match 'LINEAR_APY_KEY \(\.env:1\).*did you mean LINEAR_API_KEY\?'
        }
    }

    Context 'With -Dialect' {
        It 'reads python-dotenv by default and as DotNetEnv 3.0.0 does with -Dialect DotNetEnv' {
            Set-Content .env "HEX_API_KEY=`"a\x41`"`nHASH_TOKEN=#c`nSAME_TOKEN='s'"
            $python = Get-SophiaSecret -Path .env -AsPlainText
            $dotNetEnv = Get-SophiaSecret -Path .env -AsPlainText -Dialect DotNetEnv
            $python.Value | Should -Be @('a\x41', '#c', 's')
            $dotNetEnv.Value | Should -Be @('aA', '', 's')
            $dotNetEnv.Origin | Should -Be @('.env:1', '.env:2', '.env:3')
        }

        It 'stops with SecretSync.DotEnvParseError at the line DotNetEnv fails on' {
            Set-Content .env "A_TOKEN=1`nB_TOKEN='it\'s'"
            { Get-SophiaSecret -Path .env -Dialect DotNetEnv } | Should -Throw -ErrorId 'SecretSync.DotEnvParseError,SecretSync.Commands.GetSophiaSecretCommand'
            try { Get-SophiaSecret -Path .env -Dialect DotNetEnv } catch { "$_" | Should -Match '\.env:2:.*DotNetEnv' }
        }
    }

    Context 'With -Name' {
        It 'accepts the ESC path as well as the variable name' {
            Set-Content .env "LINEAR_API_KEY=a`nGONG_API_KEY=b"
            (Get-SophiaSecret -Source DotEnv -Name linear.linear_api_key).Name | Should -Be 'LINEAR_API_KEY'
        }

        It 'writes an ItemNotFound error for an exact name that matches nothing, with the likely name' {
            Set-Content .env 'LINEAR_API_KEY=a'
            $records = @(Get-SophiaSecret -Source DotEnv -Name LINEAR_APY_KEY, LINEAR_API_KEY -ErrorVariable errors -ErrorAction SilentlyContinue)
            $records.Name | Should -Be 'LINEAR_API_KEY'
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'SecretSync.SecretNotFound,SecretSync.Commands.GetSophiaSecretCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errors[0].Exception | Should -BeOfType [System.Management.Automation.ItemNotFoundException]
            $errors[0].TargetObject | Should -Be 'LINEAR_APY_KEY'
            $errors[0].Exception.Message | Should -Match 'did you mean LINEAR_API_KEY\?'
        }

        It 'stays silent when a wildcard matches nothing' {
            Set-Content .env 'LINEAR_API_KEY=a'
            $records = @(Get-SophiaSecret -Source DotEnv -Name NOPE_* -ErrorVariable errors)
            $records.Count | Should -Be 0
            $errors.Count | Should -Be 0
        }
    }

    Context 'With tab completion' {
        It 'completes -Name from the catalog' {
            $line = 'Get-SophiaSecret -Name SLACK_'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $completions | Should -Be @('SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN')
        }
    }

    Context 'In GitHub Actions' {
        It 'masks every value, line by line, before writing anything' {
            $value = "mask-me-$([guid]::NewGuid())"
            Set-Content m.env "MASKED_SECRET=`"$value`nsecond-$value`""
            $pwsh = Join-Path $PSHOME 'pwsh.dll'
            $env:GITHUB_ACTIONS = 'true'
            try {
                $output = & dotnet $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; Get-SophiaSecret -Path m.env | Format-Table Name | Out-String"
            } finally { Remove-Item env:GITHUB_ACTIONS }
            $output[0] | Should -BeExactly "::add-mask::$value"
            $output[1] | Should -BeExactly "::add-mask::second-$value"
            ($output | Select-Object -Skip 2) -join "`n" | Should -Match 'MASKED_SECRET'
        }
    }

    Context 'With GitHub organisation secrets' {
        BeforeAll {
            Reset-Emulator $Emulator
            $script:names = 1..150 | ForEach-Object { 'PAGED_{0:D3}_API_KEY' -f $_ }
            Set-EmulatorGitHubSecret $Emulator -Organization acme -Name ($script:names + 'GH_PAT')
        }

        It 'lists every page with names, dates and no values' {
            Clear-EmulatorRequest $Emulator
            $records = Get-SophiaSecret -Source GitHub -Organization acme
            $records.Count | Should -Be 151
            $records | Where-Object Value | Should -BeNullOrEmpty
            ($records | Where-Object Name -EQ 'PAGED_001_API_KEY').UpdatedAt | Should -Not -BeNullOrEmpty
            ($records | Where-Object Name -EQ 'PAGED_001_API_KEY').Origin | Should -Be 'github:acme'
            $gets = Get-EmulatorRequest $Emulator | Where-Object path -Like '*/orgs/acme/actions/secrets'
            @($gets).Count | Should -Be 2
        }

        It 'maps the catalog alias GH_PAT back to GITHUB_PAT' {
            (Get-SophiaSecret -Source GitHub -Organization acme -Name GITHUB_*).Name | Should -Be 'GITHUB_PAT'
        }

        It 'says which variable to set when there is no token' {
            $saved = $env:GITHUB_TOKEN
            Remove-Item env:GITHUB_TOKEN
            try {
                { Get-SophiaSecret -Source GitHub -Organization acme } | Should -Throw -ErrorId 'SecretSync.MissingCredential,SecretSync.Commands.GetSophiaSecretCommand'
                try { Get-SophiaSecret -Source GitHub -Organization acme } catch { $_.Exception.Message | Should -Match 'GITHUB_TOKEN' }
            } finally { $env:GITHUB_TOKEN = $saved }
        }
    }

    Context 'With a Pulumi ESC environment' {
        BeforeAll {
            Reset-Emulator $Emulator
            $script:linear = 'lin_' + [guid]::NewGuid()
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml @"
values:
  linear:
    linear_api_key:
      fn::secret: "$script:linear"
  plain: not-a-secret
  environmentVariables:
    LINEAR_API_KEY: `${linear.linear_api_key}
    EXPORTED_TOKEN:
      fn::secret: exported
    PUBLIC_URL: https://example.test/api
"@
        }

        It 'returns the plain environmentVariables too with -IncludeNonSecret, IsSecret false' {
            $records = Get-SophiaSecret -Source Esc -Environment acme/prod -IncludeNonSecret -AsPlainText
            $plain = $records | Where-Object Name -EQ 'PUBLIC_URL'
            $plain.Value | Should -BeExactly 'https://example.test/api'
            $plain.IsSecret | Should -BeFalse
            ($records | Where-Object Name -EQ 'LINEAR_API_KEY').IsSecret | Should -BeTrue
            (Get-SophiaSecret -Source Esc -Environment acme/prod).Name | Should -Not -Contain 'PUBLIC_URL'
        }

        It 'returns what ESC exports whatever its name, warning about the name' {
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/oddnames -Yaml @"
values:
  misc:
    weird:
      fn::secret: weird-value
  environmentVariables:
    lower_token:
      fn::secret: lower-value
"@
            $records = Get-SophiaSecret -Source Esc -Environment acme/oddnames -AsPlainText -WarningVariable warnings -WarningAction SilentlyContinue
            ($records | Where-Object Name -EQ 'lower_token').Value | Should -BeExactly 'lower-value'
            ($records | Where-Object Name -EQ 'WEIRD').Value | Should -BeExactly 'weird-value'
            "$warnings" | Should -Match 'lower_token'
            "$warnings" | Should -Match 'misc\.weird'
            "$warnings" | Should -Not -Match 'weird-value|lower-value'
        }

        It 'opens the environment once and names secrets by the convention' {
            Clear-EmulatorRequest $Emulator
            $records = Get-SophiaSecret -Source Esc -Environment acme/prod -AsPlainText
            ($records | Sort-Object Name).Name | Should -Be @('EXPORTED_TOKEN', 'LINEAR_API_KEY')
            ($records | Where-Object Name -EQ 'LINEAR_API_KEY').Value | Should -BeExactly $script:linear
            # The read of an open says no revision: the definition's is read first and exactly that version opened.
            $calls = @(Get-EmulatorRequest $Emulator | ForEach-Object { "$($_.method) $($_.path)" })
            ($records | Where-Object Name -EQ 'LINEAR_API_KEY').Origin | Should -BeExactly "esc:acme/default/prod@$(Get-EmulatorEscRevision $Emulator acme/default/prod)"
            $calls.Count | Should -Be 3
            $calls[0] | Should -Be 'GET /api/esc/environments/acme/default/prod'
            $calls[1] | Should -Be "POST /api/esc/environments/acme/default/prod/versions/$(Get-EmulatorEscRevision $Emulator acme/default/prod)/open"
            $calls[2] | Should -BeLike 'GET /api/esc/environments/acme/default/prod/open/*'
        }

        It 'shows a long origin whole in the default view' {
            $long = 'acme/a-rather-long-project-name/with-a-long-environment-name'
            New-EmulatorEscEnvironment $Emulator -Environment $long -Yaml "values:`n  environmentVariables:`n    LINEAR_API_KEY:`n      fn::secret: x"
            $record = Get-SophiaSecret -Source Esc -Environment $long
            $record.Origin.Length | Should -BeGreaterThan 50
            $shown = $record | Out-String -Width 100
            ($shown -replace '\s+', '') | Should -Match ([regex]::Escape($record.Origin))
            $shown | Should -Not -Match '…'
        }

        It 'takes the ESC path for -Name' {
            $record = Get-SophiaSecret -Source Esc -Environment acme/prod -Name linear.linear_api_key
            $record.Name | Should -Be 'LINEAR_API_KEY'
            $record.EscPath | Should -Be 'linear.linear_api_key'
        }

        It 'completes -Environment from the environments the token can see' {
            $line = 'Get-SophiaSecret -Environment acme/'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $completions | Should -Contain 'acme/default/prod'
        }

        It 'completes org/env and org/default/env once' {
            @{ escEnvironment = 'acme/prod' } | ConvertTo-Json | Set-Content secretsync.json
            $line = 'Get-SophiaSecret -Environment acme/'
            $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
            $completions | Should -Contain 'acme/prod'
            $completions | Should -Not -Contain 'acme/default/prod' -Because 'acme/prod is acme/default/prod'
        }

        It 'says the environment was not found' {
            { Get-SophiaSecret -Source Esc -Environment acme/nope } | Should -Throw -ErrorId 'SecretSync.NotFound,SecretSync.Commands.GetSophiaSecretCommand'
        }

        It 'says the token was refused without showing it' {
            $saved = $env:PULUMI_ACCESS_TOKEN
            $env:PULUMI_ACCESS_TOKEN = 'wrong-token-value'
            try {
                { Get-SophiaSecret -Source Esc -Environment acme/prod } | Should -Throw -ErrorId 'SecretSync.AuthenticationFailed,SecretSync.Commands.GetSophiaSecretCommand'
                try { Get-SophiaSecret -Source Esc -Environment acme/prod } catch { $_.Exception.Message | Should -Not -Match 'wrong-token-value' }
            } finally { $env:PULUMI_ACCESS_TOKEN = $saved }
        }

        It 'retries a 503 with Retry-After' {
            Add-EmulatorFault $Emulator @{ method = 'POST'; pathPrefix = '/api/esc'; count = 1; status = 503; retryAfter = 1 }
            (Get-SophiaSecret -Source Esc -Environment acme/prod).Count | Should -Be 2
        }
    }
}
