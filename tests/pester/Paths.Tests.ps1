BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Utf8 = [Text.UTF8Encoding]::new($false)
    function Write-File([string] $Path, [string] $Text) {
        $null = New-Item -ItemType Directory -Force (Split-Path $Path)
        [IO.File]::WriteAllBytes($Path, $Utf8.GetBytes($Text))
    }

    function New-McpText([string] $Value) {
        "{ `"mcpServers`": { `"exa`": { `"command`": `"npx`", `"env`": { `"EXA_API_KEY`": `"$Value`" } } } }"
    }

    # What the process (not PowerShell) calls its current directory: a write that misses PowerShell's location lands here.
    function Get-ProcessDirectoryFiles { @(Get-ChildItem -LiteralPath ([Environment]::CurrentDirectory) -Force -Name) }
}

Describe 'Path parameters resolve like PowerShell''s own cmdlets' {
    BeforeEach {
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
        $script:project = Join-Path $TestDrive 'project'
        $null = New-Item -ItemType Directory $project
        $null = New-PSDrive -Name SSX -PSProvider FileSystem -Root $project -Scope Global
        Push-Location $TestDrive
        $script:before = Get-ProcessDirectoryFiles
    }
    AfterEach {
        Pop-Location
        Remove-PSDrive -Name SSX -Scope Global -Force
        Get-ProcessDirectoryFiles | Should -Be $before -Because 'nothing is ever written to the process''s current directory'
    }

    Context 'With a PSDrive' {
        It 'writes New-SophiaEnvTemplate -Path SSX:/x under the drive''s root' {
            (New-SophiaEnvTemplate -Path SSX:/drive.env.template).FullName | Should -Be (Join-Path $project 'drive.env.template')
            Join-Path $project 'drive.env.template' | Should -Exist
        }

        It 'reads Get-SophiaSecret -LiteralPath SSX:/a[1].env, brackets and all' {
            Write-File (Join-Path $project 'a[1].env') 'BRACKET_API_KEY=literal'
            Write-File (Join-Path $project 'a1.env') 'WRONG_API_KEY=globbed'
            (Get-SophiaSecret -LiteralPath 'SSX:/a[1].env').Name | Should -Be 'BRACKET_API_KEY'
        }

        It 'runs Invoke-SophiaCommand -Source DotEnv -LiteralPath SSX:/r[1].env, brackets and all' {
            Write-File (Join-Path $project 'r[1].env') 'RUN_API_KEY=literal-run'
            Write-File (Join-Path $project 'r1.env') 'RUN_API_KEY=globbed-run'
            $out = Join-Path $project 'run.out'
            Invoke-SophiaCommand -Source DotEnv -LiteralPath 'SSX:/r[1].env' -FilePath /bin/sh -ArgumentList '-c', 'printf %s "$RUN_API_KEY" > "$0"', $out
            [IO.File]::ReadAllText($out) | Should -Be 'literal-run'
            $script = { [IO.File]::WriteAllText($args[0], $env:RUN_API_KEY) }
            Invoke-SophiaCommand -Source DotEnv -LP 'SSX:/r[1].env' -ScriptBlock { & $script $out }
            [IO.File]::ReadAllText($out) | Should -Be 'literal-run'
        }

        It 'takes -Path or -LiteralPath of Invoke-SophiaCommand, not both' {
            { Invoke-SophiaCommand -Source DotEnv -Path a.env -LiteralPath b.env -FilePath /bin/true } |
                Should -Throw -ErrorId 'AmbiguousParameterSet,SecretSync.Commands.InvokeSophiaCommandCommand'
        }

        It 'expands wildcards in -Path on the drive' {
            Write-File (Join-Path $project 'one.env') 'ONE_API_KEY=1'
            Write-File (Join-Path $project 'two.env') 'TWO_API_KEY=2'
            (Get-SophiaSecret -Path 'SSX:/*.env').Name | Sort-Object | Should -Be @('ONE_API_KEY', 'TWO_API_KEY')
        }

        It 'rewrites Update-McpConfig -LiteralPath SSX:/m[1].json' {
            $file = Join-Path $project 'm[1].json'
            Write-File $file (New-McpText 'exa-literal-value')
            $finding = [pscustomobject]@{ Name = 'EXA_API_KEY'; Value = 'exa-literal-value' } | Update-McpConfig -LiteralPath 'SSX:/m[1].json' -WarningAction SilentlyContinue
            $finding.Action | Should -Be 'Rewritten'
            [IO.File]::ReadAllText($file) | Should -Match ([regex]::Escape('${EXA_API_KEY}'))
        }
    }

    Context 'With Set-Location' {
        It 'resolves a relative -Path against the PowerShell location, not the process''s' {
            Set-Location SSX:/
            $file = [pscustomobject]@{ Name = 'REL_API_KEY'; Value = 'v' } | Export-SophiaSecret -Format DotEnv -Path rel.env -Force
            $file.FullName | Should -Be (Join-Path $project 'rel.env')
        }

        It 'reads -LiteralPath relative to the PowerShell location' {
            Write-File (Join-Path $project 'b[2].env') 'LOCATED_API_KEY=here'
            Set-Location $project
            (Get-SophiaSecret -LiteralPath 'b[2].env').Name | Should -Be 'LOCATED_API_KEY'
        }

        It 'writes a default path in the last file-system location while the location is on another provider' {
            Set-Location $project
            Set-Location Env:
            $file = New-SophiaEnvTemplate
            $file.FullName | Should -Be (Join-Path $project '.env.template')
        }
    }

    Context 'With ~' {
        BeforeEach {
            $script:fileSystem = Get-PSProvider FileSystem
            $script:savedHome = $fileSystem.Home
            $fileSystem.Home = $project
        }
        AfterEach { $fileSystem.Home = $savedHome }

        It 'reads -LiteralPath ~/c[3].env from the home folder' {
            Write-File (Join-Path $project 'c[3].env') 'HOME_API_KEY=home'
            (Get-SophiaSecret -LiteralPath '~/c[3].env').Name | Should -Be 'HOME_API_KEY'
        }

        It 'writes -Path ~/x in the home folder' {
            (New-SophiaEnvTemplate -Path '~/home.env.template').FullName | Should -Be (Join-Path $project 'home.env.template')
        }
    }

    Context 'With Get-ChildItem output' {
        It 'binds the PSPath of a[1].env to -LiteralPath' {
            Write-File (Join-Path $project 'a[1].env') 'PIPED_API_KEY=piped'
            (Get-ChildItem -LiteralPath (Join-Path $project 'a[1].env') | Get-SophiaSecret).Name | Should -Be 'PIPED_API_KEY'
        }
    }

    Context 'With a provider other than FileSystem' {
        It '<Command> refuses <Path> with SecretSync.NotFileSystemPath' -ForEach @(
            @{ Command = 'Export-SophiaSecret'; Path = 'Env:/SECRETSYNC_PATH_TEST'; Run = { param($p) [pscustomobject]@{ Name = 'X_API_KEY'; Value = 'v' } | Export-SophiaSecret -Format DotEnv -Path $p -Force } }
            @{ Command = 'New-SophiaEnvTemplate'; Path = 'Variable:/SecretSyncPathTest'; Run = { param($p) New-SophiaEnvTemplate -Path $p } }
            @{ Command = 'New-SophiaSyncWorkflow'; Path = 'Env:/SECRETSYNC_PATH_TEST'; Run = { param($p) New-SophiaSyncWorkflow -Path $p } }
            @{ Command = 'New-SophiaSecretConfig'; Path = 'Env:/'; Run = { param($p) New-SophiaSecretConfig -Organization acme -Environment acme/prod -Path $p } }
            @{ Command = 'Find-SophiaSecretLeak'; Path = 'Env:/'; Run = { param($p) [pscustomobject]@{ Name = 'X_API_KEY'; Value = 'v' } | Find-SophiaSecretLeak -Path $p } }
            @{ Command = 'Get-SophiaSecret'; Path = 'Env:/PATH'; Run = { param($p) Get-SophiaSecret -Path $p } }
            @{ Command = 'Get-SophiaSecret'; Path = 'Env:/PATH'; Run = { param($p) Get-SophiaSecret -LiteralPath $p } }
            @{ Command = 'Compare-SophiaSecret'; Path = 'Env:/PATH'; Run = { param($p) Compare-SophiaSecret -Path $p } }
            @{ Command = 'Compare-SophiaSecret'; Path = 'Variable:/PWD'; Run = { param($p) Compare-SophiaSecret -McpConfig $p } }
            @{ Command = 'Update-McpConfig'; Path = 'Env:/PATH'; Run = { param($p) [pscustomobject]@{ Name = 'X_API_KEY'; Value = 'v' } | Update-McpConfig -Path $p } }
            @{ Command = 'Invoke-SophiaCommand'; Path = 'Env:/PATH'; Run = { param($p) Invoke-SophiaCommand -Source DotEnv -Path $p -ScriptBlock { 'ran' } } }
        ) {
            $class = (Get-Command $Command).ImplementingType.FullName
            $caught = $null
            try { & $Run $Path -ErrorAction Stop } catch { $caught = $_ }
            $caught | Should -Not -BeNullOrEmpty -Because "$Path is not a file"
            $caught.FullyQualifiedErrorId | Should -BeExactly "SecretSync.NotFileSystemPath,$class"
            $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $caught.Exception.Message | Should -Match 'FileSystem'
            Test-Path Env:/SECRETSYNC_PATH_TEST | Should -BeFalse
        }
    }
}
