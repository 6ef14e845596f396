BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    function New-Secret([string] $Name, [string] $Value) { [pscustomobject]@{ Name = $Name; Value = $Value } }
}

Describe 'Find-SophiaSecretLeak' {
    BeforeEach {
        Push-Location $TestDrive
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
        $script:value = 'planted-' + [guid]::NewGuid()
    }
    AfterEach { Pop-Location }

    Context 'In a git repository' {
        BeforeEach {
            git init -q .
            Set-Content .gitignore 'ignored.txt'
            $null = New-Item -ItemType Directory src
            Set-Content src/app.js "const a = 1;`nconst key = '$value';"
            Set-Content .env "PLANTED_API_KEY=$value"
            Set-Content clean.txt 'nothing'
            git add .
            Set-Content untracked.txt "u=$value"
            Set-Content ignored.txt "i=$value"
        }

        It 'finds planted values and tracked .env files in tracked files, never showing the value' {
            $findings = New-Secret PLANTED_API_KEY $value | Find-SophiaSecretLeak
            $findings[0].PSTypeNames[0] | Should -Be 'SecretSync.LeakFinding'
            @($findings | ForEach-Object { '{0}:{1}:{2}:{3}' -f $_.File, $_.Line, $_.Name, $_.Kind }) | Should -Be @(
                '.env:0:.env:TrackedDotEnv'
                '.env:1:PLANTED_API_KEY:KnownValue'
                'src/app.js:2:PLANTED_API_KEY:KnownValue')
            $findings | Format-Table | Out-String | Should -Not -Match $value
            $findings | Format-List * | Out-String | Should -Not -Match $value
        }

        It 'adds untracked, not ignored files with -IncludeUntracked' {
            $files = (New-Secret PLANTED_API_KEY $value | Find-SophiaSecretLeak -IncludeUntracked).File | Sort-Object -Unique
            $files | Should -Be @('.env', 'src/app.js', 'untracked.txt')
        }

        It 'finds base64 and URL-encoded values' {
            Set-Content enc.txt ("b64: " + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("user:$value")) + "`nurl: ?k=" + [uri]::EscapeDataString("$value/x y"))
            git add enc.txt
            $kinds = (New-Secret PLANTED_API_KEY "$value/x y" | Find-SophiaSecretLeak | Where-Object File -EQ 'enc.txt').Kind
            $kinds | Should -Be @('KnownValueUrlEncoded')
            $kinds = (New-Secret PLANTED_API_KEY $value | Find-SophiaSecretLeak | Where-Object File -EQ 'enc.txt').Kind
            $kinds | Should -Contain 'KnownValueBase64'
        }

        It 'writes no value in verbose output' {
            $output = New-Secret PLANTED_API_KEY $value | Find-SophiaSecretLeak -Verbose 4>&1 | Out-String
            $output | Should -Match 'tracked file'
            $output | Should -Not -Match $value
        }
    }

    Context 'Outside git' {
        It 'scans every file and collects with the defaults when nothing is piped' {
            Set-Content notes.md "x`ny`nkey=$value"
            $env:PLANTED_API_KEY = $value
            try { $findings = @(Find-SophiaSecretLeak) } finally { Remove-Item env:PLANTED_API_KEY }
            $finding = $findings | Where-Object File -EQ 'notes.md'
            $finding.Line | Should -Be 3
            $finding.Name | Should -Be 'PLANTED_API_KEY'
        }

        It 'returns nothing for a clean tree, so "if (Find-SophiaSecretLeak)" passes' {
            Set-Content clean.txt 'nothing'
            $result = New-Secret PLANTED_API_KEY $value | Find-SophiaSecretLeak
            [bool] $result | Should -BeFalse
        }

        It 'reports hard-coded credentials in MCP configs' {
            Set-Content .mcp.json '{ "mcpServers": { "linear": { "env": { "LINEAR_API_KEY": "lin_api_literal_123" } }, "gh": { "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } } }'
            $finding = New-Secret PLANTED_API_KEY $value | Find-SophiaSecretLeak
            '{0}:{1}:{2}' -f $finding.File, $finding.Name, $finding.Kind | Should -Be '.mcp.json:LINEAR_API_KEY:HardcodedInMcpConfig'
        }

        It 'reads regular files only: a FIFO in the tree neither blocks the scan nor hides the other files' -Skip:$IsWindows {
            Set-Content notes.md "key=$value"
            mkfifo pipe.env
            $result = Invoke-ChildPwsh "`$env:PLANTED_API_KEY = '$value'; (Find-SophiaSecretLeak).File" $TestDrive -TimeoutSeconds 60
            $result.TimedOut | Should -BeFalse -Because 'the scan must not wait for a writer on the FIFO'
            $result.Output | Should -Match 'notes\.md'
        }

        It 'says when the path is not a folder' {
            { Find-SophiaSecretLeak -Path nope } | Should -Throw -ErrorId 'SecretSync.PathNotFound,SecretSync.Commands.FindSophiaSecretLeakCommand'
        }
    }
}
