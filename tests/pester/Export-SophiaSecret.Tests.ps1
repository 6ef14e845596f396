BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    # DotNetEnv as a .NET application would load it (the module's copy sits in its private load context).
    Add-Type -Path (Join-Path (Split-Path $ModuleManifest) 'dependencies/DotNetEnv.dll')

    function Read-WithDotNetEnv([string] $Path) {
        $result = @{}
        foreach ($pair in [DotNetEnv.Env]::LoadMulti([string[]] @($Path), [DotNetEnv.LoadOptions]::new($false, $false, $true))) {
            $result[$pair.Key] = $pair.Value
        }
        $result
    }

    function New-Secret([string] $Name, [string] $Value) { [pscustomobject]@{ Name = $Name; Value = $Value } }

    $script:Id = 'SecretSync.{0},SecretSync.Commands.ExportSophiaSecretCommand'
    function Get-Mode([string] $Path) { [IO.File]::GetUnixFileMode((Resolve-Path -LiteralPath $Path).ProviderPath) }
    $script:OwnerOnly = [IO.UnixFileMode]'UserRead, UserWrite'
}

Describe 'Export-SophiaSecret' {
    BeforeEach {
        Push-Location $TestDrive
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
    }
    AfterEach { Pop-Location }

    Context 'With -Format DotEnv' {
        It 'writes values that DotNetEnv and the python-dotenv reader both read back exactly, mode 0600' {
            $values = [ordered]@{
                PLAIN_TOKEN     = 'plain-' + [guid]::NewGuid()
                SPACED_SECRET   = "  it's `"quoted`" # not a comment  "
                PEM_PRIVATE_KEY = "-----BEGIN KEY-----`nabc+/=`n-----END KEY-----`n"
                WINDOWS_PATH    = 'C:\Program Files\app\bin'
                DOLLAR_PASSWORD = 'pa$$word$1 and $HOME in single quotes'
            }
            $file = $values.GetEnumerator() | ForEach-Object { New-Secret $_.Key $_.Value } | Export-SophiaSecret -Format DotEnv
            $file.FullName | Should -Be (Join-Path $TestDrive '.env')
            $dotnet = Read-WithDotNetEnv $file.FullName
            $python = @{}; Get-SophiaSecret -Path .env -Name ([string[]] $values.Keys) -AsPlainText | ForEach-Object { $python[$_.Name] = $_.Value }
            foreach ($name in $values.Keys) {
                $dotnet[$name] | Should -BeExactly $values[$name] -Because "DotNetEnv reads $name back"
                $python[$name] | Should -BeExactly $values[$name] -Because "python-dotenv semantics read $name back"
            }
            if (-not $IsWindows) { [int] (Get-Item .env -Force).UnixFileMode | Should -Be 384 -Because 'mode 0600' }
        }

        It 'merges into an existing file, keeping comments and other keys' {
            Set-Content .env "# team settings`nLOG_LEVEL=debug # verbose`nLINEAR_API_KEY=old"
            $null = New-Secret LINEAR_API_KEY 'lin_new_value' | Export-SophiaSecret -Format DotEnv -Path .env
            Get-Content .env | Should -Be @('# team settings', 'LOG_LEVEL=debug # verbose', 'LINEAR_API_KEY=lin_new_value')
        }

        It 'refuses a value no spelling carries to both readers, names it, and writes the others' {
            $bad = 'uses ${HOME} ' + [guid]::NewGuid()
            $null = (New-Secret BAD_TOKEN $bad), (New-Secret GOOD_TOKEN 'good-value') | Export-SophiaSecret -Format DotEnv -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ValueNotPortable,SecretSync.Commands.ExportSophiaSecretCommand'
            $err[0].TargetObject | Should -Be 'BAD_TOKEN'
            "$err" | Should -Match 'BAD_TOKEN'
            "$err" | Should -Not -Match ([regex]::Escape($bad))
            Get-Content .env | Should -Be 'GOOD_TOKEN=good-value'
        }

        It 'refuses a key DotNetEnv would not read back as written, naming it, and writes the others' {
            # python-dotenv reads \' as an escaped quote inside A; DotNetEnv closes A there, and B's quote swallows X_TOKEN.
            Set-Content .env "A='a\'`nB='`nX_TOKEN=old`n#'`nGOOD_TOKEN=old"
            $value = 'new-' + [guid]::NewGuid()
            $null = (New-Secret X_TOKEN $value), (New-Secret GOOD_TOKEN 'good-value') | Export-SophiaSecret -Format DotEnv -ErrorVariable err -ErrorAction SilentlyContinue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'DotEnvDialectMismatch')
            $err[0].TargetObject | Should -Be 'X_TOKEN'
            "$err" | Should -Match 'DotNetEnv'
            "$err" | Should -Not -Match $value
            Get-Content .env | Should -Be @("A='a\'", "B='", 'X_TOKEN=old', "#'", 'GOOD_TOKEN=good-value')
        }

        It 'writes into a file DotNetEnv cannot read, with a warning naming the line it fails on' {
            Set-Content .env "DEBUG`nA_TOKEN=1"
            $null = New-Secret B_TOKEN 'two' | Export-SophiaSecret -Format DotEnv -WarningVariable warnings -WarningAction SilentlyContinue
            ($warnings -join ' ') | Should -Match '\.env:1:.*DotNetEnv'
            (Get-Content .env)[-1] | Should -Be 'B_TOKEN=two'
        }

        It 'never shows a value in verbose output, and writes nothing with -WhatIf' {
            $value = 'verbose-' + [guid]::NewGuid()
            $output = New-Secret SHOWN_TOKEN $value | Export-SophiaSecret -Format DotEnv -Verbose *>&1 | Out-String
            $output | Should -Match 'SHOWN_TOKEN'
            $output | Should -Not -Match $value
            Get-Content .env -Raw | Should -Match $value
            $null = New-Secret SHOWN_TOKEN 'changed-value' | Export-SophiaSecret -Format DotEnv -WhatIf
            Get-Content .env -Raw | Should -Match $value -Because '-WhatIf writes nothing'
        }

        It 'collects with the defaults when nothing is piped' {
            $env:EXPORTED_API_KEY = 'from-env-' + [guid]::NewGuid()
            try {
                $null = Export-SophiaSecret -Format DotEnv -Path out.env
                (Read-WithDotNetEnv (Join-Path $TestDrive 'out.env'))['EXPORTED_API_KEY'] | Should -BeExactly $env:EXPORTED_API_KEY
            } finally { Remove-Item env:EXPORTED_API_KEY }
        }

        It 'reports a record without a value' {
            $record = [SecretSync.Core.Records.Secrets.SecretRecord]::new('ORG_TOKEN', 'GitHub', 'github:acme', $null)
            $null = $record | Export-SophiaSecret -Format DotEnv -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.NoValue,SecretSync.Commands.ExportSophiaSecretCommand'
        }
    }

    Context 'In a git repository' {
        BeforeEach { git init -q . }

        It 'refuses a file that git tracks' {
            Set-Content .env 'A_TOKEN=old'
            git add .env
            { New-Secret A_TOKEN 'new-value' | Export-SophiaSecret -Format DotEnv } | Should -Throw -ErrorId 'SecretSync.FileTrackedByGit,SecretSync.Commands.ExportSophiaSecretCommand'
            Get-Content .env | Should -Be 'A_TOKEN=old'
        }

        It 'refuses a file that git does not ignore, unless -Force' {
            { New-Secret A_TOKEN 'new-value' | Export-SophiaSecret -Format Json -Path secrets.json } | Should -Throw -ErrorId 'SecretSync.FileNotIgnoredByGit,SecretSync.Commands.ExportSophiaSecretCommand'
            'secrets.json' | Should -Not -Exist
            $null = New-Secret A_TOKEN 'new-value' | Export-SophiaSecret -Format Json -Path secrets.json -Force
            (Get-Content secrets.json -Raw | ConvertFrom-Json).A_TOKEN | Should -BeExactly 'new-value'
        }

        It 'writes an ignored file' {
            Set-Content .gitignore '.env'
            $null = New-Secret A_TOKEN 'new-value' | Export-SophiaSecret -Format DotEnv
            Get-Content .env | Should -Be 'A_TOKEN=new-value'
        }
    }

    Context 'When git cannot answer' {
        BeforeEach {
            $script:savedPath = $env:PATH
            $null = New-Item -ItemType Directory repo
            git init -q repo
            Set-Content repo/.gitignore '.env'
        }
        AfterEach { $env:PATH = $savedPath }

        It 'refuses with GitNotFound when git is not on PATH, and writes with -Force' {
            $env:PATH = (New-Item -ItemType Directory -Force (Join-Path $TestDrive 'empty-bin')).FullName
            { New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format DotEnv -Path repo/.env } | Should -Throw -ErrorId ($Id -f 'GitNotFound')
            'repo/.env' | Should -Not -Exist
            $null = New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format DotEnv -Path repo/.env -Force
            Get-Content repo/.env | Should -Be 'A_TOKEN=v-value'
        }

        It 'refuses with <ErrorId> when git says <Message>' -ForEach @(
            @{ ErrorId = 'GitDubiousOwnership'; Message = "fatal: detected dubious ownership in repository at '/srv/checkout'"; Expected = "safe.directory '/srv/checkout'" }
            @{ ErrorId = 'GitFailed'; Message = 'fatal: unable to read index'; Expected = 'unable to read index' }
        ) {
            $env:PATH = (New-FakeGit (Join-Path $TestDrive 'fake-bin') $Message 128) + [IO.Path]::PathSeparator + $savedPath
            $thrown = { New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format Json -Path repo/secrets.json } | Should -Throw -ErrorId ($Id -f $ErrorId) -PassThru
            $thrown.Exception.Message | Should -BeLike "*$Expected*"
            $thrown.Exception.Message | Should -BeLike '*-Force*'
            'repo/secrets.json' | Should -Not -Exist
        }

        It 'refuses a repository another user owns, as git does' -Skip:($IsWindows -or [Environment]::UserName -ne 'root') {
            chown -R 65534:65534 repo
            try {
                { New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format DotEnv -Path repo/.env } | Should -Throw -ErrorId ($Id -f 'GitDubiousOwnership')
            } finally { chown -R 0:0 repo }
            'repo/.env' | Should -Not -Exist
        }

        It 'writes where git answers that the folder is in no working tree' {
            $null = New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format DotEnv -Path outside/.env
            Get-Content outside/.env | Should -Be 'A_TOKEN=v-value'
        }
    }

    Context 'With links, read-only files and edits made meanwhile' {
        It 'writes through a symbolic link to its target and keeps the link' {
            $null = New-Item -ItemType Directory real
            Set-Content real/app.env 'OLD_TOKEN=old'
            $null = New-Item -ItemType SymbolicLink -Path .env -Target real/app.env
            $null = New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format DotEnv
            (Get-Item .env -Force).LinkType | Should -Be 'SymbolicLink'
            Get-Content real/app.env | Should -Be @('OLD_TOKEN=old', 'A_TOKEN=v-value')
        }

        It 'refuses a link whose target git tracks, though the link is ignored' {
            git init -q .
            Set-Content .gitignore '.env'
            $null = New-Item -ItemType Directory config
            Set-Content config/app.env 'A_TOKEN=old'
            git add config/app.env
            $null = New-Item -ItemType SymbolicLink -Path .env -Target config/app.env
            { New-Secret A_TOKEN 'new-value' | Export-SophiaSecret -Format DotEnv } | Should -Throw -ErrorId ($Id -f 'FileTrackedByGit')
            Get-Content config/app.env | Should -Be 'A_TOKEN=old'
        }

        It 'refuses a read-only file and leaves it as it was' -Skip:$IsWindows {
            Set-Content .env 'A_TOKEN=old'
            chmod 0444 .env
            { New-Secret A_TOKEN 'new-value' | Export-SophiaSecret -Format DotEnv } | Should -Throw -ErrorId ($Id -f 'FileReadOnly')
            Get-Content .env | Should -Be 'A_TOKEN=old'
        }

        It 'refuses to replace a .env saved by another program meanwhile, keeping that edit' {
            Set-Content .env 'A_TOKEN=old'
            $command = 'try { [pscustomobject]@{ Name = ''B_TOKEN''; Value = ''b-value'' } | Export-SophiaSecret -Format DotEnv -Confirm } catch { $_.FullyQualifiedErrorId }'
            $output = Invoke-AtConfirmPrompt $command $TestDrive {
                Add-Content (Join-Path $TestDrive '.env') 'EDITED_TOKEN=mine'
            }
            $output | Should -BeLike "*$($Id -f 'FileChanged')*"
            Get-Content .env | Should -Be @('A_TOKEN=old', 'EDITED_TOKEN=mine')
            Get-ChildItem -Force -Filter '*.tmp' | Should -BeNullOrEmpty
        }
    }

    Context 'With -Format GitHubEnv' {
        It 'appends NAME=value and the delimiter form for multi-line values' {
            Set-Content github_env 'EARLIER=1'
            $env:GITHUB_ENV = Join-Path $TestDrive 'github_env'
            try {
                (New-Secret ONE_TOKEN 'single'), (New-Secret PEM_KEY "l1`nl2") | Export-SophiaSecret -Format GitHubEnv | Should -BeNullOrEmpty
            } finally { Remove-Item env:GITHUB_ENV }
            $lines = Get-Content github_env
            $lines[0..2] | Should -Be @('EARLIER=1', 'ONE_TOKEN=single', $lines[2])
            $lines[2] -match '^PEM_KEY<<(ghadelimiter_[0-9a-f]{32})$' | Should -BeTrue
            $lines[3..5] | Should -Be @('l1', 'l2', $Matches[1])
        }

        It 'masks every value before writing, inside GitHub Actions' {
            $value = 'mask-' + [guid]::NewGuid()
            $envFile = Join-Path $TestDrive 'gh_env'
            $pwsh = Join-Path $PSHOME 'pwsh.dll'
            $output = & dotnet $pwsh -NoProfile -NonInteractive -Command "`$env:GITHUB_ACTIONS = 'true'; Import-Module '$ModuleManifest'; [pscustomobject]@{ Name = 'MASKED_TOKEN'; Value = `"$value``nline2-$value`" } | Export-SophiaSecret -Format GitHubEnv -Path '$envFile' -PassThru | ForEach-Object Name"
            $output | Should -Be @("::add-mask::$value", "::add-mask::line2-$value", 'gh_env')
        }

        It 'creates a -Path file 0600 and guards it like a .env file' -Skip:$IsWindows {
            $null = New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format GitHubEnv -Path gh_env
            Get-Mode gh_env | Should -Be $OwnerOnly
            git init -q .
            { New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format GitHubEnv -Path steps.env } | Should -Throw -ErrorId ($Id -f 'FileNotIgnoredByGit')
            'steps.env' | Should -Not -Exist
        }

        It 'says so when GITHUB_ENV is not set' {
            $saved = $env:GITHUB_ENV
            Remove-Item env:GITHUB_ENV -ErrorAction SilentlyContinue
            try {
                { New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format GitHubEnv } | Should -Throw -ErrorId 'SecretSync.GitHubEnvNotSet,SecretSync.Commands.ExportSophiaSecretCommand'
            } finally { if ($saved) { $env:GITHUB_ENV = $saved } }
        }
    }

    Context 'With -Format Json' {
        It 'returns JSON only with -AsPlainText' {
            { New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format Json } | Should -Throw -ErrorId 'SecretSync.PlainTextRequired,SecretSync.Commands.ExportSophiaSecretCommand'
            $json = (New-Secret A_TOKEN "multi`nline"), (New-Secret B_TOKEN 'b') | Export-SophiaSecret -Format Json -AsPlainText
            $json | Should -BeOfType [string]
            ($json | ConvertFrom-Json).A_TOKEN | Should -BeExactly "multi`nline"
        }

        It 'writes a file with mode 0600' {
            $file = New-Secret A_TOKEN 'v-value' | Export-SophiaSecret -Format Json -Path s.json
            $file.Name | Should -Be 's.json'
            if (-not $IsWindows) { [int] $file.UnixFileMode | Should -Be 384 -Because 'mode 0600' }
        }
    }

    Context 'With -Format DockerEnv' {
        It 'writes NAME=value lines exactly as docker run --env-file reads them, mode 0600' {
            $values = [ordered]@{
                PLAIN_TOKEN  = 'plain-' + [guid]::NewGuid()
                EQUALS_KEY   = 'a=b==c'
                INNER_SECRET = 'it''s "inner"#1 ünï'
            }
            $values.GetEnumerator() | ForEach-Object { New-Secret $_.Key $_.Value } | Export-SophiaSecret -Format DockerEnv -Path docker.env
            $bytes = [IO.File]::ReadAllBytes((Join-Path $TestDrive docker.env))
            [Text.Encoding]::UTF8.GetString($bytes) | Should -BeExactly (($values.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)`n" }) -join '')
            $bytes[0] | Should -Not -Be 0xEF -Because 'no BOM'
            if (-not $IsWindows) { [int] (Get-Item docker.env).UnixFileMode | Should -Be 384 -Because 'mode 0600' }
        }

        It 'refuses, by name, each value Docker or compose would read differently, and writes the others' {
            $refused = [ordered]@{
                MULTI_KEY      = "line1`nline2"
                CR_KEY         = "value`r"
                LEADING_TOKEN  = ' leading'
                TRAILING_TOKEN = 'trailing '
                DOLLAR_SECRET  = 'pa$word'
                QUOTED_TOKEN   = '"quoted"'
                COMMENT_TOKEN  = 'value #comment'
                SLASH_TOKEN    = 'back\slash'
            }
            $secrets = @(New-Secret GOOD_TOKEN 'good-value') + @($refused.GetEnumerator() | ForEach-Object { New-Secret $_.Key $_.Value })
            $secrets | Export-SophiaSecret -Format DockerEnv -Path docker.env -ErrorVariable failed -ErrorAction SilentlyContinue
            Get-Content docker.env -Raw | Should -BeExactly "GOOD_TOKEN=good-value`n"
            @($failed).Count | Should -Be $refused.Count
            foreach ($error in $failed) {
                $error.FullyQualifiedErrorId | Should -Be 'SecretSync.DockerEnvValueRefused,SecretSync.Commands.ExportSophiaSecretCommand'
                $refused.Keys | Should -Contain $error.TargetObject
                $error.Exception.Message | Should -Match ([regex]::Escape($error.TargetObject))
                $error.Exception.Message.Contains($refused[$error.TargetObject]) | Should -BeFalse
            }
        }

        It 'refuses a file git would commit' {
            git init -q .
            { New-Secret GOOD_TOKEN 'good-value' | Export-SophiaSecret -Format DockerEnv -Path docker.env } | Should -Throw -ErrorId 'SecretSync.FileNotIgnoredByGit,SecretSync.Commands.ExportSophiaSecretCommand'
            Test-Path docker.env | Should -BeFalse
        }

        It 'needs -Path' {
            { New-Secret GOOD_TOKEN 'good-value' | Export-SophiaSecret -Format DockerEnv } | Should -Throw -ErrorId 'SecretSync.PathRequired,SecretSync.Commands.ExportSophiaSecretCommand'
        }
    }
}
