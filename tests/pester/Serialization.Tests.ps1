# Issue 15 item 13: what the cmdlets emit serialises as users expect. ConvertTo-Json reads a .NET object's own
# properties by reflection and writes enums as numbers, so every name-like property of an output object is text.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function ConvertTo-Parsed([object] $InputObject) { $InputObject | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue | ConvertFrom-Json }
}

Describe 'Output objects piped straight into ConvertTo-Json and Export-Csv' {
    BeforeEach {
        Push-Location $TestDrive
        Get-ChildItem $TestDrive -Force | Remove-Item -Recurse -Force
        $script:value = 'serialised-' + [guid]::NewGuid().ToString('N')
    }
    AfterEach { Pop-Location }

    It 'writes Source of a SecretRecord by name, and no value' {
        Set-Content .env "LINEAR_API_KEY=$value"
        $record = Get-SophiaSecret -Source DotEnv -Name LINEAR_API_KEY
        $json = $record | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
        ($json | ConvertFrom-Json).Source | Should -BeExactly 'DotEnv'
        $json | Should -Not -Match $value
    }

    It 'writes Kind of a LeakFinding by name' {
        git init -q .
        Set-Content app.js "const key = '$value';"
        git add app.js
        $finding = [pscustomobject]@{ Name = 'PLANTED_API_KEY'; Value = $value } | Find-SophiaSecretLeak
        (ConvertTo-Parsed $finding).Kind | Should -BeExactly 'KnownValue'
        ($finding | ConvertTo-Json) | Should -Not -Match $value
    }

    It 'writes Client, Action and MatchKind of an McpFinding by name' {
        Set-Content .mcp.json "{ `"mcpServers`": { `"exa`": { `"command`": `"npx`", `"env`": { `"EXA_API_KEY`": `"$value`" } } } }"
        $record = [SecretSync.Core.Secrets.SecretRecord]::new('EXA_API_KEY', 'DotEnv', '.env:1', $value)
        $finding = $record | Update-McpConfig -Path .mcp.json -WarningAction SilentlyContinue
        $parsed = ConvertTo-Parsed $finding
        $parsed.Client | Should -BeExactly 'ClaudeCode'
        $parsed.Action | Should -BeExactly 'Rewritten'
        $parsed.MatchKind | Should -BeExactly 'KnownValue'
    }

    It 'writes Status of a workflow check by name' {
        $check = New-SophiaSyncWorkflow -Check -ErrorAction SilentlyContinue
        (ConvertTo-Parsed $check).Status | Should -BeExactly 'Missing'
    }

    It 'exports them by name with Export-Csv' {
        Set-Content .env "LINEAR_API_KEY=$value"
        Get-SophiaSecret -Source DotEnv -Name LINEAR_API_KEY | Select-Object Name, Source | Export-Csv -LiteralPath out.csv
        (Import-Csv -LiteralPath out.csv).Source | Should -BeExactly 'DotEnv'
    }
}
