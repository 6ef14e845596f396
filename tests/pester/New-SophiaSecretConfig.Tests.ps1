BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'New-SophiaSecretConfig' {
    BeforeEach {
        $script:Folder = Join-Path $TestDrive ([guid]::NewGuid())
        $null = New-Item -ItemType Directory -Path $Folder
        Push-Location $Folder
    }
    AfterEach { Pop-Location }

    It 'writes a starter secretsync.json with the organisation, the environment and the files found' {
        Set-Content .env 'LINEAR_API_KEY=x'
        Set-Content mcp_config.json '{ "mcpServers": {} }'
        $null = New-Item -ItemType Directory .cursor
        Set-Content .cursor/mcp.json '{ "mcpServers": {} }'

        $file = New-SophiaSecretConfig -Organization acme -Environment acme/prod
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be (Join-Path $Folder 'secretsync.json')
        $config = Get-Content -Raw secretsync.json | ConvertFrom-Json -AsHashtable
        $config.githubOrganization | Should -Be 'acme'
        $config.escEnvironment | Should -Be 'acme/prod'
        $config.envFiles | Should -Be @('.env')
        $config.mcpConfigs | Should -Be @('mcp_config.json', '.cursor/mcp.json')
        # The built-in catalog (module/SecretSync.Catalog.json) applies without being copied.
        , $config.secrets | Should -BeOfType [System.Collections.IList]
        $config.secrets.Count | Should -Be 0
    }

    It 'is read by the other cmdlets, with the built-in catalog' {
        $null = New-SophiaSecretConfig -Organization acme -Environment acme/prod
        $warnings = @()
        $catalog = @(Get-SophiaSecretCatalog -WarningVariable warnings)
        $warnings | Should -BeNullOrEmpty
        $catalog.Name | Should -Contain 'LINEAR_API_KEY'
    }

    It 'leaves out envFiles and mcpConfigs when none is found' {
        $null = New-SophiaSecretConfig -Organization acme -Environment acme/default/prod
        $config = Get-Content -Raw secretsync.json | ConvertFrom-Json -AsHashtable
        $config.Keys | Should -Not -Contain 'envFiles'
        $config.Keys | Should -Not -Contain 'mcpConfigs'
        $config.Keys | Should -Not -Contain 'githubRepository'
    }

    It 'writes githubRepository with -Repository' {
        $null = New-SophiaSecretConfig -Organization acme -Environment acme/prod -Repository acme/app
        (Get-Content -Raw secretsync.json | ConvertFrom-Json).githubRepository | Should -Be 'acme/app'
    }

    It 'refuses to overwrite without -Force, with SecretSync.ConfigExists, and overwrites with it' {
        Set-Content secretsync.json '{ "githubOrganization": "mine" }'
        { New-SophiaSecretConfig -Organization acme -Environment acme/prod } | Should -Throw -ErrorId 'SecretSync.ConfigExists,SecretSync.Commands.NewSophiaSecretConfigCommand'
        (Get-Content -Raw secretsync.json) | Should -Match 'mine'
        $null = New-SophiaSecretConfig -Organization acme -Environment acme/prod -Force
        (Get-Content -Raw secretsync.json | ConvertFrom-Json).githubOrganization | Should -Be 'acme'
    }

    It 'writes nothing with -WhatIf' {
        New-SophiaSecretConfig -Organization acme -Environment acme/prod -WhatIf | Should -BeNullOrEmpty
        Test-Path secretsync.json | Should -BeFalse
    }

    It 'refuses a malformed environment or organisation before writing' {
        { New-SophiaSecretConfig -Organization acme -Environment 'acme/../x' } | Should -Throw -ErrorId 'SecretSync.InvalidEnvironment,SecretSync.Commands.NewSophiaSecretConfigCommand'
        { New-SophiaSecretConfig -Organization 'no/slash' -Environment acme/prod } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SecretSync.Commands.NewSophiaSecretConfigCommand'
        Test-Path secretsync.json | Should -BeFalse
    }

    It 'writes into -Path' {
        $null = New-Item -ItemType Directory sub
        Set-Content sub/.env 'X_API_KEY=1'
        $file = New-SophiaSecretConfig -Path sub -Organization acme -Environment acme/prod
        $file.FullName | Should -Be (Join-Path $Folder 'sub/secretsync.json')
        (Get-Content -Raw sub/secretsync.json | ConvertFrom-Json).envFiles | Should -Be '.env'
    }
}
