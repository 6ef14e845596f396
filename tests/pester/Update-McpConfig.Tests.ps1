BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')

    $script:Utf8 = [Text.UTF8Encoding]::new($false)
    $script:Id = 'SecretSync.{0},SecretSync.Commands.UpdateMcpConfigCommand'

    function New-Record([string] $Name, [string] $Value) {
        [SecretSync.Core.Records.Secrets.SecretRecord]::new($Name, 'DotEnv', '.env:1', $Value)
    }

    # Writes exactly $Text (a leading U+FEFF becomes the BOM) and returns the full path.
    function Write-Config([string] $Path, [string] $Text) {
        $full = Join-Path $TestDrive $Path
        $null = New-Item -ItemType Directory -Force (Split-Path $full)
        [IO.File]::WriteAllBytes($full, $Utf8.GetBytes($Text))
        $full
    }

    function Read-Bytes([string] $Path) { [Convert]::ToHexString([IO.File]::ReadAllBytes($Path)) }

    function Get-ExpectedBytes([string] $Text) { [Convert]::ToHexString($Utf8.GetBytes($Text)) }

    function New-ServerText([string] $Root = 'mcpServers', [string] $Value) {
        "{`n  `"$Root`": {`n    `"exa`": {`n      `"command`": `"npx`",`n      `"env`": { `"EXA_API_KEY`": `"$Value`" }`n    }`n  }`n}`n"
    }
}

Describe 'Update-McpConfig' {
    BeforeEach {
        Push-Location $TestDrive
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
        $script:secret = 'exa-' + [guid]::NewGuid().ToString('N')
        $script:record = New-Record EXA_API_KEY $secret
    }
    AfterEach { Pop-Location }

    Context 'With each client dialect' {
        It 'writes <Reference> into <Path>' -ForEach @(
            @{ Path = 'mcp_config.json'; Root = 'mcpServers'; Client = 'Generic'; Reference = '${EXA_API_KEY}' }
            @{ Path = '.mcp.json'; Root = 'mcpServers'; Client = 'ClaudeCode'; Reference = '${EXA_API_KEY}' }
            @{ Path = '.cursor/mcp.json'; Root = 'mcpServers'; Client = 'Cursor'; Reference = '${env:EXA_API_KEY}' }
            @{ Path = '.vscode/mcp.json'; Root = 'servers'; Client = 'VSCode'; Reference = '${env:EXA_API_KEY}' }
            @{ Path = 'home/.codeium/windsurf/mcp_config.json'; Root = 'mcpServers'; Client = 'Windsurf'; Reference = '${env:EXA_API_KEY}' }
        ) {
            $file = Write-Config $Path (New-ServerText $Root $secret)
            $finding = $record | Update-McpConfig -Path $file -WarningAction SilentlyContinue
            $finding.PSTypeNames[0] | Should -Be 'SecretSync.McpFinding'
            $finding.Client | Should -Be $Client
            $finding.Action | Should -Be 'Rewritten'
            $finding.Reference | Should -BeExactly $Reference
            $finding.JsonPointer | Should -Be "/$Root/exa/env/EXA_API_KEY"
            Read-Bytes $file | Should -Be (Get-ExpectedBytes (New-ServerText $Root $Reference))
        }

        It 'reports <Path> Unsupported with a hint and leaves it alone, and rewrites it with -Syntax' -ForEach @(
            @{ Path = 'Claude/claude_desktop_config.json'; Root = 'mcpServers'; Syntax = 'Bare'; Reference = '${EXA_API_KEY}' }
            @{ Path = '.zed/settings.json'; Root = 'context_servers'; Syntax = 'Env'; Reference = '${env:EXA_API_KEY}' }
        ) {
            $file = Write-Config $Path (New-ServerText $Root $secret)
            $before = Read-Bytes $file
            $finding = $record | Update-McpConfig -Path $file
            $finding.Action | Should -Be 'Unsupported'
            $finding.Hint | Should -Match 'expands no variables'
            Read-Bytes $file | Should -Be $before

            $finding = $record | Update-McpConfig -Path $file -Syntax $Syntax -WarningAction SilentlyContinue
            $finding.Action | Should -Be 'Rewritten'
            Read-Bytes $file | Should -Be (Get-ExpectedBytes (New-ServerText $Root $Reference))
        }

        It 'adds a VS Code input with -Syntax Input' {
            $file = Write-Config '.vscode/mcp.json' (New-ServerText servers $secret)
            $finding = $record | Update-McpConfig -Path $file -Syntax Input
            $finding.Reference | Should -BeExactly '${input:exa-api-key}'
            $json = Get-Content $file -Raw | ConvertFrom-Json
            $json.servers.exa.env.EXA_API_KEY | Should -BeExactly '${input:exa-api-key}'
            $json.inputs[0].id | Should -Be 'exa-api-key'
            $json.inputs[0].password | Should -BeTrue
        }

        It 'uses -Client over the file name' {
            $file = Write-Config 'mcp_config.json' (New-ServerText mcpServers $secret)
            ($record | Update-McpConfig -Path $file -Client Cursor -WarningAction SilentlyContinue).Reference | Should -BeExactly '${env:EXA_API_KEY}'
        }
    }

    Context 'With a secret inside a longer string' {
        It 'replaces only the secret in <Where>' -ForEach @(
            @{ Where = 'a Bearer header'; Json = '"headers": { "Authorization": "Bearer @@" }' }
            @{ Where = 'a URL query'; Json = '"url": "https://mcp.exa.ai/mcp?exaApiKey=@@&debug=1"' }
            @{ Where = 'URL userinfo'; Json = '"url": "https://user:@@@mcp.exa.ai/sse"' }
            @{ Where = 'a --token= argument'; Json = '"args": ["-y", "exa-mcp", "--token=@@"]' }
        ) {
            $text = "{ `"mcpServers`": { `"exa`": { $Json } } }"
            $file = Write-Config '.mcp.json' $text.Replace('@@', $secret)
            $null = $record | Update-McpConfig -Path $file -WarningAction SilentlyContinue
            Read-Bytes $file | Should -Be (Get-ExpectedBytes $text.Replace('@@', '${EXA_API_KEY}'))
        }

        It 'leaves existing references of any dialect alone' {
            $text = '{ "mcpServers": { "a": { "env": { "A_TOKEN": "${A_TOKEN}", "B_TOKEN": "${env:B_TOKEN}", "C_TOKEN": "${input:c}" } } } }'
            $file = Write-Config 'mcp_config.json' $text
            $findings = $record | Update-McpConfig -Path $file -WarningAction SilentlyContinue
            $findings.Action | Sort-Object -Unique | Should -Be 'AlreadyReference'
            Read-Bytes $file | Should -Be (Get-ExpectedBytes $text)
        }

        It 'reports a suspected token and rewrites it only with -IncludeSuspected, when .env holds it' {
            $token = 'ghp_' + ('aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5' )
            Set-Content .env "GH_MCP_TOKEN=$token"
            $file = Write-Config 'mcp_config.json' "{ `"mcpServers`": { `"gh`": { `"env`": { `"GITHUB_PERSONAL_ACCESS_TOKEN`": `"$token`" } } } }"
            ($record | Update-McpConfig -Path $file).Action | Should -Be 'Suspected'
            (Get-Content $file -Raw) | Should -Match ([regex]::Escape($token))
            $finding = $record | Update-McpConfig -Path $file -IncludeSuspected -WarningAction SilentlyContinue
            $finding.Action | Should -Be 'Rewritten'
            $finding.Name | Should -Be 'GH_MCP_TOKEN' -Because 'the reference names the variable that holds the value'
            (Get-Content $file -Raw) | Should -Not -Match ([regex]::Escape($token))
        }

        It 'keeps a suspected token that exists nowhere else, unless -Force' {
            $token = 'ghp_' + ('zY9xW7vU5tS3rQ1pO9nM7lK5jI3hG1fE9dC7' )
            $file = Write-Config 'mcp_config.json' "{ `"mcpServers`": { `"gh`": { `"env`": { `"GITHUB_PERSONAL_ACCESS_TOKEN`": `"$token`" } } } }"
            $finding = $record | Update-McpConfig -Path $file -IncludeSuspected -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $finding.Action | Should -Be 'KeptOnlyCopy'
            $errs[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'OnlyCopy')
            $errs[0].Exception.Message | Should -Match 'exists nowhere else.*Set-SophiaSecret -Name GITHUB_PERSONAL_ACCESS_TOKEN -Target Esc.*-Force'
            $errs[0].Exception.Message | Should -Not -Match ([regex]::Escape($token))
            (Get-Content $file -Raw) | Should -Match ([regex]::Escape($token))

            ($record | Update-McpConfig -Path $file -IncludeSuspected -Force -WarningAction SilentlyContinue).Action | Should -Be 'Rewritten'
            (Get-Content $file -Raw) | Should -Not -Match ([regex]::Escape($token))
        }
    }

    Context 'With a BOM, CRLF, comments and trailing commas' {
        It 'changes only the secret bytes and nothing on a second run' {
            $text = "`u{FEFF}// servers`r`n{`r`n`t`"mcpServers`": {`r`n`t`t/* search */`r`n`t`t`"exa`": {`r`n" +
                "`t`t`t`"args`": [`"-y`", `"--token=$secret`",],`r`n`t`t`t`"env`": { `"EXA_API_KEY`": `"$secret`", }, // key`r`n" +
                "`t`t},`r`n`t},`r`n`t`"zeta`": 1,`r`n`t`"alpha`": [1, 2,],`r`n}`r`n"
            $file = Write-Config 'mcp_config.json' $text
            $findings = $record | Update-McpConfig -Path $file -WarningAction SilentlyContinue
            @($findings).Count | Should -Be 2
            $bytes = Read-Bytes $file
            $bytes | Should -Be (Get-ExpectedBytes $text.Replace($secret, '${EXA_API_KEY}'))
            $bytes | Should -BeLike 'EFBBBF*'

            $written = (Get-Item $file).LastWriteTimeUtc
            Start-Sleep -Milliseconds 20
            $again = $record | Update-McpConfig -Path $file -Verbose -WarningAction SilentlyContinue 4>&1
            @($again | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | Where-Object Message -Match 'Performing') | Should -BeNullOrEmpty
            ($again | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }).Action | Sort-Object -Unique | Should -Be 'AlreadyReference'
            Read-Bytes $file | Should -Be $bytes
            (Get-Item $file).LastWriteTimeUtc | Should -Be $written
        }
    }

    Context 'With -WhatIf, -Backup and file modes' {
        It 'reports WouldRewrite and writes nothing with -WhatIf' {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $before = Read-Bytes $file
            $finding = $record | Update-McpConfig -Path $file -Backup -WhatIf -WarningAction SilentlyContinue
            $finding.Action | Should -Be 'WouldRewrite'
            $finding.Reference | Should -BeExactly '${EXA_API_KEY}'
            Read-Bytes $file | Should -Be $before
            "$file.bak" | Should -Not -Exist
            @(Get-ChildItem $TestDrive -Force -Recurse -File).Count | Should -Be 1
        }

        It 'plans each file once, and -WhatIf reports that plan instead of rewriting again' {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $whatIf = @($record | Update-McpConfig -Path $file -WhatIf -Verbose -WarningAction SilentlyContinue 4>&1)
            $plans = @($whatIf | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like 'Plan:*' })
            $plans.Count | Should -Be 1 -Because 'the rewrite runs once, for the plan'
            $plans[0].Message | Should -BeLike "*Rewrite 1 hard-coded secret(s) as references*$file*"
            ($whatIf | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }).Action | Should -Be 'WouldRewrite'

            $applied = @($record | Update-McpConfig -Path $file -Verbose -WarningAction SilentlyContinue 4>&1)
            @($applied | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like 'Plan:*' }).Count | Should -Be 1
            ($applied | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }).Action | Should -Be 'Rewritten'
        }

        It 'keeps the original in FILE.bak with -Backup' {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $before = Read-Bytes $file
            $null = $record | Update-McpConfig -Path $file -Backup -WarningAction SilentlyContinue
            Read-Bytes "$file.bak" | Should -Be $before
            Read-Bytes $file | Should -Not -Be $before
        }

        It 'keeps the file mode' -Skip:$IsWindows {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            chmod 640 $file
            $null = $record | Update-McpConfig -Path $file -WarningAction SilentlyContinue
            (Get-Item -Force $file).UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, UserWrite, GroupRead')
            @(Get-ChildItem $TestDrive -Force -Recurse -File).Count | Should -Be 1 -Because 'no temporary file is left behind'
        }
    }

    Context 'With links, read-only files, backups and edits made meanwhile' {
        It 'writes FILE.bak with mode 0600, whatever the mode of the file' -Skip:$IsWindows {
            $file = Write-Config 'mcp_config.json' (New-ServerText mcpServers $secret)
            chmod 644 $file
            $null = $record | Update-McpConfig -Path $file -Backup -WarningAction SilentlyContinue
            (Get-Item -Force "$file.bak").UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, UserWrite')
        }

        It 'refuses -Backup where git could commit FILE.bak, and rewrites nothing' {
            $file = Write-Config 'mcp_config.json' (New-ServerText mcpServers $secret)
            git init -q $TestDrive
            Set-Content (Join-Path $TestDrive .gitignore) 'mcp_config.json'
            $before = Read-Bytes $file
            $null = $record | Update-McpConfig -Path $file -Backup -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'FileNotIgnoredByGit')
            $err[0].Exception.Message | Should -BeLike '*omit -Backup*'
            "$file.bak" | Should -Not -Exist
            Read-Bytes $file | Should -Be $before
        }

        It 'refuses -Backup when git is not on PATH, and warns that it cannot tell whether the file is tracked' {
            $file = Write-Config 'mcp_config.json' (New-ServerText mcpServers $secret)
            $saved = $env:PATH
            $env:PATH = (New-Item -ItemType Directory -Force (Join-Path $TestDrive 'empty-bin')).FullName
            try {
                $null = $record | Update-McpConfig -Path $file -Backup -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
                $err[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'GitNotFound')
                "$file.bak" | Should -Not -Exist
                $null = $record | Update-McpConfig -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
            } finally { $env:PATH = $saved }
            ($warnings -join "`n") | Should -Match 'Cannot tell whether git tracks.*rotate EXA_API_KEY'
        }

        It 'rewrites the target of a symbolic link and keeps the link' {
            $target = Write-Config 'shared/mcp.json' (New-ServerText mcpServers $secret)
            $link = Join-Path $TestDrive '.mcp.json'
            $null = New-Item -ItemType SymbolicLink -Path $link -Target $target
            $null = $record | Update-McpConfig -Path $link -WarningAction SilentlyContinue
            (Get-Item -Force $link).LinkType | Should -Be 'SymbolicLink'
            Read-Bytes $target | Should -Be (Get-ExpectedBytes (New-ServerText mcpServers '${EXA_API_KEY}'))
        }

        It 'refuses a read-only file and leaves it as it was' -Skip:$IsWindows {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            chmod 444 $file
            $before = Read-Bytes $file
            $null = $record | Update-McpConfig -Path $file -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'FileReadOnly')
            Read-Bytes $file | Should -Be $before
        }

        It 'refuses to replace a config saved by another program meanwhile, keeping that edit' {
            $file = Write-Config 'mcp_config.json' (New-ServerText mcpServers $secret)
            $edited = (New-ServerText mcpServers $secret) + "`n"
            $command = "`$env:EXA_API_KEY = '$secret'; try { Update-McpConfig -Path mcp_config.json -Confirm -WarningAction SilentlyContinue } catch { `$_.FullyQualifiedErrorId }; `$Error | ForEach-Object FullyQualifiedErrorId"
            $output = Invoke-AtConfirmPrompt $command $TestDrive { [IO.File]::WriteAllText($file, $edited) }
            $output | Should -BeLike "*$($Id -f 'FileChanged')*"
            [IO.File]::ReadAllText($file) | Should -BeExactly $edited
        }
    }

    Context 'With bad input' {
        It 'reports a malformed file with line and column, leaves it untouched and goes on' {
            $bad = Write-Config 'bad/mcp_config.json' "{`n  `"mcpServers`": { `"exa`": { `"env`": { `"K`": `"$secret`" }`n"
            $good = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $before = Read-Bytes $bad
            $findings = $record | Update-McpConfig -Path $bad, $good -ErrorAction SilentlyContinue -ErrorVariable errors -WarningAction SilentlyContinue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'McpConfigParseError')
            $errors[0].CategoryInfo.Category | Should -Be 'ParserError'
            $errors[0].TargetObject | Should -Be $bad
            $errors[0].Exception.Message | Should -Match 'mcp_config\.json:\d+:\d+:'
            $errors[0].Exception.Message | Should -Not -Match $secret
            Read-Bytes $bad | Should -Be $before
            $findings.File | Should -Be $good
            $findings.Action | Should -Be 'Rewritten'
        }

        It 'throws SecretSync.McpConfigParseError with -ErrorAction Stop' {
            $bad = Write-Config 'mcp_config.json' '{ "mcpServers": '
            { $record | Update-McpConfig -Path $bad } | Should -Throw -ErrorId ($Id -f 'McpConfigParseError')
        }

        It 'reports a missing -Path file and goes on' {
            $good = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $findings = $record | Update-McpConfig -Path nope.json, $good -ErrorAction SilentlyContinue -ErrorVariable errors -WarningAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'FileNotFound')
            $findings.Action | Should -Be 'Rewritten'
        }

        It 'rejects pipeline objects that are not records' {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $null = 42 | Update-McpConfig -Path $file -ErrorAction SilentlyContinue -ErrorVariable errors -WarningAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -BeExactly ($Id -f 'InvalidInputObject')
        }
    }

    Context 'With values from the pipeline or the collectors' {
        It 'takes the record of a SyncResult' {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $result = [SecretSync.Core.Planning.Sync.SyncResult]::new('EXA_API_KEY', 'exa.exa_api_key', 'Added', 'acme/default/prod', 3, $record)
            ($result | Update-McpConfig $file -WarningAction SilentlyContinue).Action | Should -Be 'Rewritten'
        }

        It 'takes any object with Name and a SecureString Value' {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $object = [pscustomobject] @{ Name = 'EXA_API_KEY'; Value = ConvertTo-SecureString $secret -AsPlainText -Force }
            ($object | Update-McpConfig $file -WarningAction SilentlyContinue).Name | Should -Be 'EXA_API_KEY'
        }

        It 'takes records from Get-SophiaSecret' {
            Set-Content other.env "EXA_API_KEY=$secret"
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            (Get-SophiaSecret -Path other.env | Update-McpConfig $file -WarningAction SilentlyContinue).Action | Should -Be 'Rewritten'
        }

        It 'collects ./.env and the environment when the pipeline brings no values' {
            Set-Content .env "EXA_API_KEY=$secret"
            $env:ACME_API_KEY = 'acme-' + [guid]::NewGuid()
            try {
                $file = Write-Config 'mcp_config.json' "{ `"mcpServers`": { `"a`": { `"env`": { `"X`": `"$secret`", `"Y`": `"$env:ACME_API_KEY`" } } } }"
                $findings = [SecretSync.Core.Records.Secrets.SecretRecord]::new('GH_ONLY_TOKEN', 'GitHub', 'github:acme', $null) | Update-McpConfig $file
            } finally { Remove-Item env:ACME_API_KEY }
            $findings.Name | Should -Be @('EXA_API_KEY', 'ACME_API_KEY')
            $findings.Action | Should -Be @('Rewritten', 'Rewritten')
        }
    }

    Context 'With no -Path' {
        It 'rewrites the mcpConfigs of secretsync.json' {
            Set-Content secretsync.json '{ "mcpConfigs": ["config/servers.json"] }'
            $file = Write-Config 'config/servers.json' (New-ServerText mcpServers $secret)
            $null = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            ($record | Update-McpConfig -WarningAction SilentlyContinue).File | Should -Be $file
        }

        It 'discovers the project files of every client' {
            $cursor = Write-Config '.cursor/mcp.json' (New-ServerText mcpServers $secret)
            $claude = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $findings = $record | Update-McpConfig -WarningAction SilentlyContinue
            $findings.File | Sort-Object | Should -Be (@($cursor, $claude) | Sort-Object)
            ($record | Update-McpConfig -Client Cursor -WarningAction SilentlyContinue).File | Should -Be $cursor
        }

        It 'discovers user files with -Scope User' {
            $savedHome = $env:HOME
            $env:HOME = Join-Path $TestDrive 'home'
            try {
                $file = Write-Config 'home/.cursor/mcp.json' (New-ServerText mcpServers $secret)
                $finding = $record | Update-McpConfig -Scope User -WarningAction SilentlyContinue
            } finally { $env:HOME = $savedHome }
            $finding.File | Should -Be $file
            $finding.Reference | Should -BeExactly '${env:EXA_API_KEY}'
        }

        It 'warns where it looked when nothing is found, without an error' {
            $findings = $record | Update-McpConfig -WarningVariable warnings -WarningAction SilentlyContinue
            $findings | Should -BeNullOrEmpty
            $warnings[0] | Should -Match 'No MCP config found.*\.cursor[/\\]mcp\.json'
        }
    }

    Context 'With warnings' {
        It 'warns that a tracked file needs its secrets rotated' -Skip:(-not (Get-Command git -ErrorAction SilentlyContinue)) {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            git init --quiet $TestDrive
            git -C $TestDrive add .mcp.json
            $null = $record | Update-McpConfig -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
            ($warnings -join "`n") | Should -Match 'tracked by git.*Rotate EXA_API_KEY'
        }

        It 'warns when the referenced variable is not set, and not when it is' {
            $file = Write-Config '.mcp.json' (New-ServerText mcpServers $secret)
            $null = $record | Update-McpConfig -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
            ($warnings -join "`n") | Should -Match 'EXA_API_KEY, which is not set'
            $env:EXA_API_KEY = 'set'
            try {
                $null = $record | Update-McpConfig -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
            } finally { Remove-Item env:EXA_API_KEY }
            $warnings | Should -BeNullOrEmpty
        }
    }

    Context 'With secret hygiene' {
        It 'never writes a value to any stream or view' {
            $file = Write-Config '.cursor/mcp.json' "{ `"mcpServers`": { `"exa`": { `"url`": `"https://x/?k=$secret`", `"env`": { `"T`": `"ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5`" } } } }"
            $null = Write-Config 'bad.json' "{ `"k`": `"$secret"
            $text = & {
                $DebugPreference = 'Continue'
                $record | Update-McpConfig -Path $file, bad.json -Verbose -WhatIf -ErrorAction SilentlyContinue
                $record | Update-McpConfig -Path $file, bad.json -Verbose -ErrorAction Continue | Format-List * | Out-String
                $record | Update-McpConfig -Path $file | Format-Table | Out-String
            } *>&1 | Out-String
            $text | Should -Match 'EXA_API_KEY'
            $text | Should -Not -Match $secret
            $text | Should -Not -Match 'ghp_aB3dE5'
        }
    }

    Context 'With -Launch' {
        BeforeEach {
            $script:original = "{`r`n  // servers`r`n  `"mcpServers`": {`r`n    `"gh`": { `"command`": `"npx`", `"args`": [`"-y`", `"@modelcontextprotocol/server-github`"], `"env`": {} },`r`n    `"bare`": {`r`n      `"command`": `"node`"`r`n    },`r`n    `"empty`": { `"command`": `"./serve`", `"args`": [] },`r`n    `"remote`": { `"url`": `"https://mcp.example.test/`" },`r`n  }`r`n}`r`n"
            $script:config = Write-Config 'launch/.mcp.json' $original
            $script:prefix = @('-NoProfile', '-NonInteractive', '-CommandWithArgs', 'Invoke-SophiaCommand -Environment $args[0] -FilePath $args[1] -ArgumentList @($args | Select-Object -Skip 2)', 'acme/default/prod')
        }

        It 'makes each stdio server start through Invoke-SophiaCommand, changing only command and args' {
            $changes = Update-McpConfig -Path $config -Launch SecretSync -Environment acme/prod
            ($changes | Sort-Object Server | ForEach-Object { "$($_.Server)=$($_.Action)" }) | Should -Be @('bare=Wrapped', 'empty=Wrapped', 'gh=Wrapped')
            $changes[0].PSObject.TypeNames[0] | Should -Be 'SecretSync.McpLaunchChange'
            $text = [IO.File]::ReadAllText($config)
            $text | Should -Match '// servers'
            ($text -split "`r`n").Count | Should -Be ($original -split "`r`n").Count
            $json = $text -replace '(?m)^\s*//.*' | ConvertFrom-Json
            $json.mcpServers.gh.command | Should -BeExactly 'pwsh'
            $json.mcpServers.gh.args | Should -Be ($prefix + @('npx', '-y', '@modelcontextprotocol/server-github'))
            $json.mcpServers.bare.args | Should -Be ($prefix + @('node'))
            $json.mcpServers.empty.args | Should -Be ($prefix + @('./serve'))
            $json.mcpServers.remote.PSObject.Properties.Name | Should -Be @('url')
        }

        It 'changes nothing on a second run' {
            $null = Update-McpConfig -Path $config -Launch SecretSync -Environment acme/prod
            $before = Read-Bytes $config
            (Update-McpConfig -Path $config -Launch SecretSync -Environment acme/prod).Action | Should -Be @('AlreadyWrapped', 'AlreadyWrapped', 'AlreadyWrapped')
            Read-Bytes $config | Should -Be $before
        }

        It 'is undone byte for byte by -Launch Direct (a server without args keeps an empty one)' {
            $null = Update-McpConfig -Path $config -Launch SecretSync -Environment acme/prod
            (Update-McpConfig -Path $config -Launch Direct).Action | Should -Be @('Unwrapped', 'Unwrapped', 'Unwrapped')
            Read-Bytes $config | Should -Be (Get-ExpectedBytes ($original -replace '"command": "node"', '"command": "node", "args": []'))
        }

        It 'only wraps the servers -Server names, and writes nothing with -WhatIf' {
            (Update-McpConfig -Path $config -Launch SecretSync -Environment acme/prod -Server gh -WhatIf).Action | Should -Be 'WouldWrap'
            Read-Bytes $config | Should -Be (Get-ExpectedBytes $original)
            (Update-McpConfig -Path $config -Launch SecretSync -Environment acme/prod -Server gh).Server | Should -Be 'gh'
            ([IO.File]::ReadAllText($config) -replace '(?m)^\s*//.*' | ConvertFrom-Json).mcpServers.bare.command | Should -Be 'node'
        }

        It 'needs an environment to launch through' {
            { Update-McpConfig -Path $config -Launch SecretSync } | Should -Throw -ErrorId ($Id -f 'EnvironmentRequired')
        }
    }
}
