BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'New-SophiaSyncWorkflow' {
    BeforeEach {
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
        Push-Location $TestDrive
        Set-Content secretsync.json '{ "escEnvironment": "acme/prod", "githubOrganization": "acme", "mcpConfigs": ["mcp_config.json"], "secrets": [ { "name": "ACME_API_KEY", "category": "Partners" } ] }'
    }
    AfterEach { Pop-Location }

    It 'writes the workflow from the catalog and secretsync.json' {
        $file = New-SophiaSyncWorkflow
        $file.FullName | Should -Be (Join-Path $TestDrive '.github/workflows/unified-secret-sync.yml')
        $text = Get-Content $file -Raw
        $text | Should -Match 'ACME_API_KEY: \$\{\{ secrets\.ACME_API_KEY \}\}'
        $text | Should -Match ' GH_PAT: \$\{\{ secrets\.GH_PAT \}\}'
        $text | Should -Not -Match '(?m)^\s+GITHUB_[A-Z_]+:'
        $text | Should -Not -Match 'secrets\.GITHUB_TOKEN|github\.token'
        $text | Should -Match 'workflow_dispatch'
    }

    It 'rewrites nothing when nothing changed' {
        $file = New-SophiaSyncWorkflow
        $before = (Get-Item $file).LastWriteTimeUtc
        Start-Sleep -Milliseconds 50
        $again = New-SophiaSyncWorkflow
        (Get-Item $again).LastWriteTimeUtc | Should -Be $before
    }

    It 'refuses to replace a changed file without -Force' {
        $file = New-SophiaSyncWorkflow
        Add-Content $file '# edited by hand'
        { New-SophiaSyncWorkflow } | Should -Throw -ErrorId 'SecretSync.WorkflowExists,SecretSync.Commands.NewSophiaSyncWorkflowCommand'
        $null = New-SophiaSyncWorkflow -Force
        Get-Content $file -Raw | Should -Not -Match 'edited by hand'
    }

    It 'writes nothing with -WhatIf' {
        New-SophiaSyncWorkflow -WhatIf
        Join-Path $TestDrive '.github' | Should -Not -Exist
    }
}
