BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'Get-SophiaSecretCatalog' {
    BeforeEach { Push-Location $TestDrive }
    AfterEach {
        Pop-Location
        Remove-Item (Join-Path $TestDrive 'secretsync.json') -ErrorAction SilentlyContinue
    }

    Context 'With the built-in catalog only' {
        It 'lists the complete secret list of the seed guide' {
            $names = (Get-SophiaSecretCatalog).Name
            $names.Count | Should -Be 27
            $names | Should -Contain 'LAMBDA_LABS_API_KEY'
            $names | Should -Contain 'AGNO_API_KEY'
        }

        It 'maps names to ESC paths by the convention' {
            (Get-SophiaSecretCatalog LINEAR_API_KEY).EscPath | Should -BeExactly 'linear.linear_api_key'
            $lambda = Get-SophiaSecretCatalog LAMBDA_LABS_API_KEY
            $lambda.Service | Should -BeExactly 'LAMBDA_LABS'
            $lambda.EscPath | Should -BeExactly 'lambda_labs.lambda_labs_api_key'
        }

        It 'gives the GITHUB_ names an alias GitHub accepts' {
            (Get-SophiaSecretCatalog GITHUB_PAT).GitHubName | Should -BeExactly 'GH_PAT'
            (Get-SophiaSecretCatalog GITHUB_TOKEN).GitHubName | Should -Not -Match '^GITHUB_'
        }

        It 'filters by wildcard name and by category' {
            (Get-SophiaSecretCatalog -Name 'SLACK_*').Name | Should -Be @('SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN')
            (Get-SophiaSecretCatalog -Category 'AI Services').Count | Should -Be 4
        }

        It 'emits SecretSync.CatalogEntry objects with Origin BuiltIn' {
            $entry = Get-SophiaSecretCatalog OPENAI_API_KEY
            $entry.PSTypeNames[0] | Should -Be 'SecretSync.CatalogEntry'
            $entry.Origin | Should -Be 'BuiltIn'
        }

        It 'completes names and quoted categories with Tab' {
            $line = 'Get-SophiaSecretCatalog -Name LAMBDA'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'LAMBDA_LABS_API_KEY'
            $line = 'Get-SophiaSecretCatalog -Category AI'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be "'AI Services'"
        }

        It 'takes names from the pipeline' {
            ('GONG_API_KEY', 'RETOOL_API_KEY' | Get-SophiaSecretCatalog).Name | Should -Be @('GONG_API_KEY', 'RETOOL_API_KEY')
        }

        It 'writes a non-terminating error for a literal name that is not catalogued' {
            $result = Get-SophiaSecretCatalog -Name NOPE_API_KEY, LINEAR_API_KEY -ErrorVariable err -ErrorAction SilentlyContinue
            $result.Name | Should -Be 'LINEAR_API_KEY'
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.SecretNotInCatalog,SecretSync.Commands.GetSophiaSecretCatalogCommand'
        }
    }

    Context 'With a secretsync.json above the current folder' {
        It 'adds its secrets with the file as Origin' {
            $config = Join-Path $TestDrive 'secretsync.json'
            '{ "secrets": [ { "name": "ACME_API_KEY", "category": "Partners", "description": "Acme", "required": true } ] }' | Set-Content $config
            $sub = New-Item -ItemType Directory (Join-Path $TestDrive 'a/b') -Force
            Push-Location $sub
            try {
                $entry = Get-SophiaSecretCatalog ACME_API_KEY
            } finally { Pop-Location }
            $entry.Origin | Should -Be (Resolve-Path $config).Path
            $entry.Category | Should -Be 'Partners'
            $entry.EscPath | Should -Be 'acme.acme_api_key'
        }

        It 'stops with SecretSync.ConfigParseError naming file, line and column when it is malformed' {
            "{`n  `"envFiles`": [`".env`",,]`n}" | Set-Content (Join-Path $TestDrive 'secretsync.json')
            { Get-SophiaSecretCatalog } | Should -Throw -ErrorId 'SecretSync.ConfigParseError,SecretSync.Commands.GetSophiaSecretCatalogCommand'
            try { Get-SophiaSecretCatalog } catch { $_.Exception.Message | Should -Match 'secretsync\.json:2:\d+:' }
        }

        It 'warns about unknown keys and goes on' {
            '{ "escEnviroment": "acme/prod" }' | Set-Content (Join-Path $TestDrive 'secretsync.json')
            $entries = Get-SophiaSecretCatalog -WarningVariable warnings -WarningAction SilentlyContinue
            $entries.Count | Should -Be 27
            $warnings[0] | Should -Match 'unknown key "escEnviroment"'
        }
    }
}
