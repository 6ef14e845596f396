# Every cmdlet with -InputObject takes an array given by name exactly as it takes the same objects piped one by one.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator

    function New-Record([string] $Name, [string] $Value) {
        [SecretSync.Core.Records.Secrets.SecretRecord]::new($Name, 'DotEnv', '.env:1', [SecretSync.Core.Records.Secrets.SecretRecord]::Protect($Value))
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe '-InputObject' {
    BeforeEach {
        Push-Location $TestDrive
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
        $script:a = 'alpha-' + [guid]::NewGuid().ToString('N')
        $script:b = 'bravo-' + [guid]::NewGuid().ToString('N')
        $script:records = @((New-Record ALPHA_API_KEY $a), (New-Record BRAVO_API_KEY $b))
    }
    AfterEach { Pop-Location }

    Context 'With Export-SophiaSecret' {
        It 'writes exactly the given records <Way>, never the collected environment' -ForEach @(
            @{ Way = 'by name' }
            @{ Way = 'from the pipeline' }
        ) {
            Set-Content .gitignore '*.env'
            if ($Way -eq 'by name') {
                $null = Export-SophiaSecret -Format DotEnv -Path out.env -InputObject $records
            } else {
                $null = $records | Export-SophiaSecret -Format DotEnv -Path out.env
            }
            $text = Get-Content out.env -Raw
            $text | Should -Match "(?m)^ALPHA_API_KEY=$a$"
            $text | Should -Match "(?m)^BRAVO_API_KEY=$b$"
            $text | Should -Not -Match 'GITHUB_TOKEN|PULUMI_ACCESS_TOKEN'
        }

        It 'writes nothing from the environment for an empty array by name' {
            Set-Content .gitignore '*.env'
            $null = Export-SophiaSecret -Format DotEnv -Path empty.env -InputObject @()
            Test-Path empty.env | Should -BeFalse
        }
    }

    Context 'With Find-SophiaSecretLeak' {
        It 'searches the values of the given records <Way>' -ForEach @(
            @{ Way = 'by name' }
            @{ Way = 'from the pipeline' }
        ) {
            Set-Content app.js "const a = '$a';`nconst b = '$b';"
            $findings = if ($Way -eq 'by name') { Find-SophiaSecretLeak -InputObject $records } else { $records | Find-SophiaSecretLeak }
            @($findings | Where-Object Kind -EQ 'KnownValue' | ForEach-Object Name | Sort-Object) | Should -Be @('ALPHA_API_KEY', 'BRAVO_API_KEY')
        }
    }

    Context 'With New-SophiaEnvTemplate' {
        It 'adds the names of the given objects <Way>' -ForEach @(
            @{ Way = 'by name' }
            @{ Way = 'from the pipeline' }
        ) {
            $null = if ($Way -eq 'by name') { New-SophiaEnvTemplate -InputObject $records } else { $records | New-SophiaEnvTemplate }
            $text = Get-Content .env.template -Raw
            $text | Should -Match '(?m)^ALPHA_API_KEY=$'
            $text | Should -Match '(?m)^BRAVO_API_KEY=$'
        }
    }

    Context 'With Update-McpConfig' {
        It 'rewrites the values of the given records <Way>' -ForEach @(
            @{ Way = 'by name' }
            @{ Way = 'from the pipeline' }
        ) {
            Set-Content .mcp.json "{ `"mcpServers`": { `"x`": { `"command`": `"x`", `"env`": { `"A`": `"$a`", `"B`": `"$b`" } } } }"
            $findings = if ($Way -eq 'by name') { Update-McpConfig -Path .mcp.json -InputObject $records -WarningAction SilentlyContinue } else { $records | Update-McpConfig -Path .mcp.json -WarningAction SilentlyContinue }
            @($findings | Where-Object Action -EQ 'Rewritten').Count | Should -Be 2
            $text = Get-Content .mcp.json -Raw
            $text | Should -Match '\$\{ALPHA_API_KEY\}'
            $text | Should -Match '\$\{BRAVO_API_KEY\}'
        }
    }

    Context 'With the ESC writers' {
        BeforeEach {
            Reset-Emulator $Emulator
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml ''
        }

        It 'Sync-SophiaSecret syncs the given records <Way>' -ForEach @(
            @{ Way = 'by name' }
            @{ Way = 'from the pipeline' }
        ) {
            $results = if ($Way -eq 'by name') { Sync-SophiaSecret -Environment acme/prod -InputObject $records } else { $records | Sync-SophiaSecret -Environment acme/prod }
            ($results | Sort-Object Name).Name | Should -Be @('ALPHA_API_KEY', 'BRAVO_API_KEY')
            ($results | Sort-Object Name).Action | Should -Be @('Added', 'Added')
        }

        It 'Set-SophiaSecret sets the given records <Way>' -ForEach @(
            @{ Way = 'by name' }
            @{ Way = 'from the pipeline' }
        ) {
            $results = if ($Way -eq 'by name') { Set-SophiaSecret -Target Esc -Environment acme/prod -InputObject $records } else { $records | Set-SophiaSecret -Target Esc -Environment acme/prod }
            ($results | Sort-Object Name).Name | Should -Be @('ALPHA_API_KEY', 'BRAVO_API_KEY')
        }
    }
}
