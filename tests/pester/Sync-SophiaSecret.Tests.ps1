BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Emulator = Start-TestEmulator

    function New-Secret([string] $Name, [string] $Value) { [pscustomobject]@{ Name = $Name; Value = $Value } }
    function New-SecretList([System.Collections.Specialized.OrderedDictionary] $Map) {
        foreach ($entry in $Map.GetEnumerator()) { New-Secret $entry.Key $entry.Value }
    }
    function Get-Opened([string] $Environment) {
        $records = Get-SophiaSecret -Source Esc -Environment $Environment -AsPlainText
        $map = @{}
        foreach ($r in $records) { $map[$r.Name] = $r.Value }
        $map
    }
    function Get-PatchCount { @(Get-EmulatorRequest $Emulator | Where-Object { $_.method -eq 'PATCH' -and $_.status -lt 300 }).Count }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Sync-SophiaSecret' {
    BeforeEach {
        Reset-Emulator $Emulator
        Clear-EmulatorFault $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/shared -Yaml "values:`n  shared_flag: true`n"
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml "# Team secrets: edit with care`nimports:`n  - shared`nvalues:`n  # hand-written, not ours`n  app:`n    region: eu-west-1 # inline comment`n"
        Clear-EmulatorRequest $Emulator
    }

    Context 'With new, changed and unchanged secrets' {
        It 'writes all of them as ONE revision and reports each action' {
            $before = Get-EmulatorEscRevision $Emulator acme/default/prod
            $results = New-SecretList ([ordered]@{ LINEAR_API_KEY = 'lin-1'; GONG_API_KEY = 'gong-1' }) | Sync-SophiaSecret -Environment acme/prod
            $results[0].PSTypeNames[0] | Should -Be 'SecretSync.SyncResult'
            ($results | Sort-Object Name).Action | Should -Be @('Added', 'Added')
            $results[0].Revision | Should -Be ($before + 1)
            $results[0].Environment | Should -Be 'acme/default/prod'
            (Get-EmulatorEscRevision $Emulator acme/default/prod) | Should -Be ($before + 1)
            Get-PatchCount | Should -Be 1

            $second = New-SecretList ([ordered]@{ LINEAR_API_KEY = 'lin-2'; GONG_API_KEY = 'gong-1'; AGNO_API_KEY = 'agno' }) | Sync-SophiaSecret -Environment acme/prod
            ($second | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('AGNO_API_KEY=Added', 'GONG_API_KEY=Unchanged', 'LINEAR_API_KEY=Updated')
            (Get-Opened acme/prod).LINEAR_API_KEY | Should -BeExactly 'lin-2'
        }

        It 'treats an empty value as not set: reported missing, never written, spared by -Prune' {
            $null = New-SecretList ([ordered]@{ TEMPLATE_API_KEY = 'real'; OTHER_API_KEY = 'other' }) | Sync-SophiaSecret -Environment acme/prod
            Set-Content (Join-Path $TestDrive 'from-template.env') "TEMPLATE_API_KEY=`nOTHER_API_KEY=other"
            $results = Get-SophiaSecret -Path (Join-Path $TestDrive 'from-template.env') | Sync-SophiaSecret -Environment acme/prod -Prune -WarningVariable warnings -WarningAction SilentlyContinue
            ($warnings -join ' ') | Should -Match 'Not set \(empty value\), so not written: TEMPLATE_API_KEY'
            $results.Name | Should -Not -Contain 'TEMPLATE_API_KEY'
            (Get-Opened acme/prod).TEMPLATE_API_KEY | Should -BeExactly 'real'

            $null = New-Secret TEMPLATE_API_KEY '' | Sync-SophiaSecret -Environment acme/prod -AllowEmpty
            (Get-Opened acme/prod).TEMPLATE_API_KEY | Should -BeExactly ''
        }

        It 'makes no PATCH when nothing changed' {
            $null = New-Secret LINEAR_API_KEY 'same' | Sync-SophiaSecret -Environment acme/prod
            Clear-EmulatorRequest $Emulator
            $again = New-Secret LINEAR_API_KEY 'same' | Sync-SophiaSecret -Environment acme/prod
            $again.Action | Should -Be 'Unchanged'
            Get-PatchCount | Should -Be 0
            @(Get-EmulatorRequest $Emulator).Count | Should -Be 2 -Because 'one GET of the definition and one yaml/check'
        }

        It 'keeps comments, imports and unrelated keys byte-identical' {
            $null = New-Secret LINEAR_API_KEY 'x' | Sync-SophiaSecret -Environment acme/prod
            $text = Get-EmulatorEscDefinition $Emulator acme/default/prod
            $text | Should -BeLike "# Team secrets: edit with care`nimports:`n  - shared`nvalues:`n  # hand-written, not ours`n  app:`n    region: eu-west-1 # inline comment`n*"
            $text | Should -Match 'LINEAR_API_KEY: \$\{linear\.linear_api_key\}'
        }
    }

    Context 'With a definition that ESC re-encodes on save' {
        It 'plans against what ESC stored, not the bytes it sent' {
            # ESC writes every saved definition again with its own YAML encoder (indent 2, re-quoted scalars, block
            # ciphertext), so a read-back differs from what SecretSync sent; only parsed values may be compared.
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/styled -Yaml "values:`n    # four spaces`n    app:`n        port: `"8080`"`n"
            $first = New-SecretList ([ordered]@{ LINEAR_API_KEY = 'lin'; GONG_API_KEY = 'gong' }) | Sync-SophiaSecret -Environment acme/styled
            $stored = Get-EmulatorEscDefinition $Emulator acme/default/styled
            $stored | Should -BeLike "values:`n  # four spaces`n  app:`n    port: '8080'`n*"
            $stored | Should -Match 'linear_api_key:\s+fn::secret:\s+ciphertext: ' -Because 'the service re-encoded the flow secret SecretSync sent'
            Clear-EmulatorRequest $Emulator

            $again = New-SecretList ([ordered]@{ LINEAR_API_KEY = 'lin'; GONG_API_KEY = 'gong' }) | Sync-SophiaSecret -Environment acme/styled
            ($again | Sort-Object Name).Action | Should -Be @('Unchanged', 'Unchanged')
            Get-PatchCount | Should -Be 0
            $pruned = New-Secret LINEAR_API_KEY 'lin' | Sync-SophiaSecret -Environment acme/styled -Prune
            ($pruned | Where-Object Name -EQ GONG_API_KEY).Action | Should -Be 'Removed'
            $opened = Get-Opened acme/styled
            $opened.LINEAR_API_KEY | Should -BeExactly 'lin'
            $opened.Keys | Should -Not -Contain 'GONG_API_KEY'
            $first[0].Revision + 1 | Should -Be (Get-EmulatorEscRevision $Emulator acme/default/styled)
        }
    }

    Context 'With a service name that ESC reserves under values' {
        It 'writes CONTEXT_API_KEY under a safe key and reads it back by name' {
            # ESC refuses values.context, values.imports and values.environments (the emulator too).
            $result = Sync-SophiaSecret -Name CONTEXT_API_KEY -Value 'ctx-value' -Environment acme/prod
            $result.Action | Should -Be 'Added'
            $result.EscPath | Should -Be 'context_.context_api_key'
            (Get-Opened acme/prod).CONTEXT_API_KEY | Should -BeExactly 'ctx-value'
            (New-Secret CONTEXT_API_KEY 'ctx-value' | Sync-SophiaSecret -Environment acme/prod).Action | Should -Be 'Unchanged'
        }
    }

    Context 'With -Name and -Value' {
        It 'syncs that one secret and collects nothing else' {
            $env:SOMETHING_ELSE_API_KEY = 'from-the-environment'
            try {
                $results = Sync-SophiaSecret -Name ONLY_API_KEY -Value 'only-value' -Environment acme/prod
            } finally { Remove-Item env:SOMETHING_ELSE_API_KEY }
            $results.Name | Should -Be 'ONLY_API_KEY'
            $opened = Get-Opened acme/prod
            $opened.ONLY_API_KEY | Should -BeExactly 'only-value'
            $opened.Keys | Should -Not -Contain 'SOMETHING_ELSE_API_KEY'
            $opened.Keys | Should -Not -Contain 'PULUMI_ACCESS_TOKEN' -Because 'the token in the environment was not asked for'
        }
    }

    Context 'With awkward values' {
        It 'opens <Label> exactly as it went in' -ForEach @(
            @{ Label = 'quotes and #'; Value = 'a"b''c #d' }
            @{ Label = 'colon-space'; Value = 'key: value' }
            @{ Label = 'surrounding spaces'; Value = '  padded  ' }
            @{ Label = 'an empty string'; Value = '' }
            @{ Label = 'unicode'; Value = 'héllo ✓ 🎉 中文' }
            @{ Label = 'a PEM key'; Value = "-----BEGIN PRIVATE KEY-----`nMIIEvQIBADANBg`n-----END PRIVATE KEY-----`n" }
            @{ Label = 'CRLF'; Value = "l1`r`nl2" }
            @{ Label = 'a dollar'; Value = 'pa$word' }
            @{ Label = 'two dollars'; Value = 'pa$$word' }
            @{ Label = 'an interpolation'; Value = 'x${linear.other}y' }
            @{ Label = 'a lone ${'; Value = 'ab${' }
            @{ Label = 'a backslash and tab'; Value = "c:\dir`tx" }
        ) {
            # -AllowEmpty: an empty value is "not set" otherwise, and this is about the round trip of any value.
            $null = New-Secret WEIRD_SECRET $Value | Sync-SophiaSecret -Environment acme/prod -AllowEmpty
            (Get-Opened acme/prod).WEIRD_SECRET | Should -BeExactly $Value
            (New-Secret WEIRD_SECRET $Value | Sync-SophiaSecret -Environment acme/prod -AllowEmpty).Action | Should -Be 'Unchanged'
        }
    }

    Context 'With -Prune' {
        It 'removes only keys SecretSync wrote that are no longer in the input' {
            $null = New-SecretList ([ordered]@{ LINEAR_API_KEY = 'a'; GONG_API_KEY = 'b' }) | Sync-SophiaSecret -Environment acme/prod
            $results = New-Secret LINEAR_API_KEY 'a' | Sync-SophiaSecret -Environment acme/prod -Prune
            ($results | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Action)" }) | Should -Be @('GONG_API_KEY=Removed', 'LINEAR_API_KEY=Unchanged')
            $text = Get-EmulatorEscDefinition $Emulator acme/default/prod
            $text | Should -Not -Match 'gong'
            $text | Should -Match 'region: eu-west-1 # inline comment'
        }

        It 'refuses to prune everything from an empty input without -Force' {
            $null = New-Secret LINEAR_API_KEY 'a' | Sync-SophiaSecret -Environment acme/prod
            { @() | Sync-SophiaSecret -Environment acme/prod -Prune } | Should -Throw -ErrorId 'SecretSync.PruneEverything,SecretSync.Commands.SyncSophiaSecretCommand'
            (Get-Opened acme/prod).LINEAR_API_KEY | Should -BeExactly 'a'
        }

        It 'shows the ownership record in the definition' {
            $null = New-Secret LINEAR_API_KEY 'a' | Sync-SophiaSecret -Environment acme/prod
            Get-EmulatorEscDefinition $Emulator acme/default/prod | Should -Match 'managedKeys:\s+LINEAR_API_KEY: linear\.linear_api_key'
        }
    }

    Context 'With -WhatIf' {
        It 'emits the planned actions and writes nothing' {
            $before = Get-EmulatorEscDefinition $Emulator acme/default/prod
            $results = New-Secret LINEAR_API_KEY 'a' | Sync-SophiaSecret -Environment acme/prod -WhatIf
            $results.Action | Should -Be 'Added'
            Get-PatchCount | Should -Be 0
            Get-EmulatorEscDefinition $Emulator acme/default/prod | Should -BeExactly $before
        }
    }

    Context 'With input problems' {
        It 'skips records without a value with a warning naming them' {
            $inventory = [SecretSync.Core.Records.Secrets.SecretRecord]::new('GH_ONLY_TOKEN', 'GitHub', 'github:acme', $null)
            $results = @($inventory, (New-Secret LINEAR_API_KEY 'a')) | ForEach-Object { $_ } | Sync-SophiaSecret -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            $results.Name | Should -Be 'LINEAR_API_KEY'
            $warnings -join ' ' | Should -Match 'GH_ONLY_TOKEN'
        }

        It 'keeps the last of duplicate names and warns naming the origins, not the values' {
            Set-Content -LiteralPath (Join-Path $TestDrive 'a.env') -Value 'DUP_API_KEY=first-value'
            Set-Content -LiteralPath (Join-Path $TestDrive 'b.env') -Value 'DUP_API_KEY=second-value'
            $null = Get-SophiaSecret -Path (Join-Path $TestDrive 'a.env'), (Join-Path $TestDrive 'b.env') | Sync-SophiaSecret -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            (Get-Opened acme/prod).DUP_API_KEY | Should -BeExactly 'second-value'
            $warnings -join ' ' | Should -Match 'a\.env:1, b\.env:1'
            $warnings -join ' ' | Should -Not -Match 'first-value|second-value'
        }

        It 'writes a non-terminating error for a name that breaks the convention' {
            $results = New-SecretList ([ordered]@{ 'bad-name' = 'v'; LINEAR_API_KEY = 'a' }) | Sync-SophiaSecret -Environment acme/prod -ErrorVariable errs -ErrorAction SilentlyContinue
            $results.Name | Should -Be 'LINEAR_API_KEY'
            $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InvalidSecretName,SecretSync.Commands.SyncSophiaSecretCommand'
        }
    }

    Context 'With an ordinary project .env' {
        It 'syncs its secrets and says nothing about PORT, NODE_ENV or DEBUG' {
            Push-Location $TestDrive
            try {
                Set-Content secretsync.json '{ "escEnvironment": "acme/prod", "envFiles": ["app.env"], "patterns": [] }'
                Set-Content app.env "PORT=3000`nNODE_ENV=production`nDEBUG`nLINEAR_API_KEY=lin-value"
                $results = @(Sync-SophiaSecret -ErrorVariable errs -WarningVariable warnings)
            } finally {
                Remove-Item secretsync.json, app.env
                Pop-Location
            }
            $errs.Count | Should -Be 0
            "$warnings" | Should -Not -Match 'PORT|NODE_ENV|DEBUG'
            $results.Name | Should -Not -Contain 'PORT'
            ($results | Where-Object Name -EQ 'LINEAR_API_KEY').Action | Should -Be 'Added'
        }

        It 'warns when a name given by the caller looks like a typo of a catalogued name' {
            $null = Sync-SophiaSecret -Name LINEAR_APY_KEY -Value 'v' -Environment acme/prod -WarningVariable warnings -WarningAction SilentlyContinue
            "$warnings" | Should -Match 'LINEAR_APY_KEY.*did you mean LINEAR_API_KEY\?'
        }

        It 'suggests the near catalogued name for an invalid one, not a made-up suffix' {
            $null = New-Secret LINEAR_API_KY 'v' | Sync-SophiaSecret -Environment acme/prod -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.InvalidSecretName,SecretSync.Commands.SyncSophiaSecretCommand'
            $errs[0].Exception.Message | Should -Match 'did you mean LINEAR_API_KEY\?'
            $errs[0].Exception.Message | Should -Not -Match 'LINEAR_API_KY_API_KEY'
        }
    }

    Context 'With a missing environment' {
        It 'creates it with -Force' {
            $results = New-Secret LINEAR_API_KEY 'a' | Sync-SophiaSecret -Environment acme/brand-new -Force
            $results.Action | Should -Be 'Added'
            (Get-Opened acme/brand-new).LINEAR_API_KEY | Should -BeExactly 'a'
        }

        It 'refuses in CI without -Force, saying so' {
            $env:CI = 'true'
            try {
                { New-Secret LINEAR_API_KEY 'a' | Sync-SophiaSecret -Environment acme/missing } | Should -Throw -ErrorId 'SecretSync.EnvironmentNotFound,SecretSync.Commands.SyncSophiaSecretCommand'
            } finally { Remove-Item env:CI }
        }
    }

    Context 'With a definition ESC cannot evaluate' {
        It 'shows the diagnostics as project/env:line:column: summary and writes nothing' {
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/base -Yaml "values:`n  x: 1`n"
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/child -Yaml "imports:`n  - base`nvalues:`n  y: `${x}`n"
            $null = Invoke-EmulatorApi $Emulator /api/esc/environments/acme/default/base -Method DELETE
            $before = Get-EmulatorEscDefinition $Emulator acme/default/child
            { New-Secret LINEAR_API_KEY 'x' | Sync-SophiaSecret -Environment acme/child } | Should -Throw -ErrorId 'SecretSync.EscDiagnostics,SecretSync.Commands.SyncSophiaSecretCommand'
            try { New-Secret LINEAR_API_KEY 'x' | Sync-SophiaSecret -Environment acme/child } catch { $_.Exception.Message | Should -Match 'default/child:\d+:\d+: ' }
            Get-EmulatorEscDefinition $Emulator acme/default/child | Should -BeExactly $before
        }
    }

    Context 'With faults and concurrent writers' {
        It 'retries a 409 by reading and planning again' {
            Add-EmulatorFault $Emulator @{ method = 'PATCH'; count = 1; status = 409 }
            (New-Secret LINEAR_API_KEY 'after-409' | Sync-SophiaSecret -Environment acme/prod).Action | Should -Be 'Added'
            (Get-Opened acme/prod).LINEAR_API_KEY | Should -BeExactly 'after-409'
        }

        It 'waits for Retry-After on a 429' {
            Add-EmulatorFault $Emulator @{ method = 'PATCH'; count = 1; status = 429; retryAfter = 1 }
            (New-Secret LINEAR_API_KEY 'after-429' | Sync-SophiaSecret -Environment acme/prod).Action | Should -Be 'Added'
        }

        It 'leaves the environment as it was when every write attempt gets a 500, and says how many were made' {
            $before = Get-EmulatorEscDefinition $Emulator acme/default/prod
            Add-EmulatorFault $Emulator @{ method = 'PATCH'; count = 5; status = 500 }
            { New-Secret LINEAR_API_KEY 'x' | Sync-SophiaSecret -Environment acme/prod } | Should -Throw -ErrorId 'SecretSync.ServiceUnavailable,SecretSync.Commands.SyncSophiaSecretCommand' -ExpectedMessage '*5 attempts*'
            Get-EmulatorEscDefinition $Emulator acme/default/prod | Should -BeExactly $before
        }

        It 'replays a write after one 500: the ETag makes the replay safe' {
            Add-EmulatorFault $Emulator @{ method = 'PATCH'; count = 1; status = 500 }
            $value = 'after-500-' + [guid]::NewGuid()
            $null = New-Secret LINEAR_API_KEY $value | Sync-SophiaSecret -Environment acme/prod
            (Get-SophiaSecret -Source Esc -Environment acme/prod -Name LINEAR_API_KEY -AsPlainText).Value | Should -BeExactly $value
        }

        It 'lands racing syncs on one environment (no lost update), even when they create it' -ForEach @(
            @{ Environment = 'acme/prod'; Force = '' }
            @{ Environment = 'acme/brand-new-race'; Force = ' -Force' }
        ) {
            $pwsh = Join-Path $PSHOME 'pwsh.dll'
            $jobs = foreach ($name in 'RACE_ONE_API_KEY', 'RACE_TWO_API_KEY', 'RACE_THREE_API_KEY') {
                $command = "Import-Module '$ModuleManifest'; [pscustomobject]@{ Name = '$name'; Value = 'v-$name' } | Sync-SophiaSecret -Environment $Environment$Force | Out-Null"
                $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
                foreach ($a in $pwsh, '-NoProfile', '-NonInteractive', '-Command', $command) { $start.ArgumentList.Add($a) }
                $start.UseShellExecute = $false
                [System.Diagnostics.Process]::Start($start)
            }
            $jobs | ForEach-Object { $_.WaitForExit(); $_.ExitCode | Should -Be 0 }
            $opened = Get-Opened $Environment
            $opened.RACE_ONE_API_KEY | Should -BeExactly 'v-RACE_ONE_API_KEY'
            $opened.RACE_TWO_API_KEY | Should -BeExactly 'v-RACE_TWO_API_KEY'
            $opened.RACE_THREE_API_KEY | Should -BeExactly 'v-RACE_THREE_API_KEY'
        }
    }

    Context 'With no pipeline input' {
        It 'collects with the defaults of secretsync.json and syncs them' {
            Push-Location $TestDrive
            try {
                Set-Content secretsync.json '{ "escEnvironment": "acme/prod", "envFiles": ["local.env"], "patterns": [] }'
                Set-Content local.env 'LOCAL_API_KEY=from-dotenv'
                $results = Sync-SophiaSecret
            } finally {
                Remove-Item secretsync.json, local.env
                Pop-Location
            }
            ($results | Where-Object Name -EQ 'LOCAL_API_KEY').Action | Should -Be 'Added'
        }
    }

    Context 'Piped on to Update-McpConfig' {
        It 'references the synced names in an MCP config, taking values from the records upstream' {
            Push-Location $TestDrive
            try {
                $value = 'lin_api_' + [guid]::NewGuid().ToString('N')
                Set-Content -LiteralPath pipe.env -Value "LINEAR_API_KEY=$value"
                Set-Content -LiteralPath mcp_config.json -Value "{`n  `"mcpServers`": {`n    `"linear`": { `"command`": `"npx`", `"env`": { `"LINEAR_API_KEY`": `"$value`" } }`n  }`n}"
                $findings = Get-SophiaSecret -Path pipe.env | Sync-SophiaSecret -Environment acme/prod | Update-McpConfig -Path mcp_config.json
                $findings.Action | Should -Be 'Rewritten'
                $findings.Name | Should -Be 'LINEAR_API_KEY'
                Get-Content -Raw mcp_config.json | Should -Match '"LINEAR_API_KEY": "\$\{LINEAR_API_KEY\}"'
                (Get-Opened acme/prod).LINEAR_API_KEY | Should -BeExactly $value
            } finally { Pop-Location }
        }
    }
}

Describe 'Sync-SophiaSecret: environment references as ESC resolves them' {
    BeforeEach {
        Reset-Emulator $Emulator
        Clear-EmulatorFault $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/prod -Yaml "values:`n  app:`n    region: eu`n"
        Clear-EmulatorRequest $Emulator
    }

    It 'refuses <Reference> before any request (<Why>)' -TestCases @(
        @{ Reference = 'acme/../x'; Why = '".." would make the URL the list of organisation x' }
        @{ Reference = 'acme/./x'; Why = 'project "."' }
        @{ Reference = 'acme/..'; Why = 'environment ".."' }
        @{ Reference = 'acme/app/open'; Why = 'reserved environment name' }
        @{ Reference = 'acme/yaml'; Why = 'reserved environment name' }
        @{ Reference = 'ab/prod'; Why = 'organisation names have 3 to 40 characters' }
        @{ Reference = 'acme.corp/prod'; Why = 'no dots in organisation names' }
    ) {
        param($Reference)
        { New-Secret LINEAR_API_KEY 'v' | Sync-SophiaSecret -Environment $Reference } |
            Should -Throw -ErrorId 'SecretSync.InvalidEnvironment,SecretSync.Commands.SyncSophiaSecretCommand'
        @(Get-EmulatorRequest $Emulator).Count | Should -Be 0
    }

    It 'resolves org/env in the legacy default project' {
        $null = New-Secret LINEAR_API_KEY 'legacy' | Sync-SophiaSecret -Environment acme/prod
        (Get-EmulatorRequest $Emulator | Where-Object method -EQ 'PATCH').path | Should -Be '/api/esc/environments/acme/default/prod'
        (Get-Opened acme/default/prod).LINEAR_API_KEY | Should -BeExactly 'legacy'
    }

    It 'does not take a 200 without Pulumi-ESC-Revision for a definition, and writes nothing' {
        Add-EmulatorFault $Emulator @{ method = 'GET'; pathPrefix = '/api/esc/environments/acme/default/prod'; count = 1; status = 200; message = 'not a definition' }
        { New-Secret LINEAR_API_KEY 'v' | Sync-SophiaSecret -Environment acme/prod } |
            Should -Throw -ErrorId 'SecretSync.ServiceError,SecretSync.Commands.SyncSophiaSecretCommand'
        @(Get-EmulatorRequest $Emulator | Where-Object method -EQ 'PATCH').Count | Should -Be 0
        Get-EmulatorEscDefinition $Emulator acme/default/prod | Should -BeExactly "values:`n  app:`n    region: eu`n"
    }

    It 'writes noncharacters exactly and refuses only the value with a lone surrogate' {
        $odd = "x$([char]0xFFFE)y$([char]0xFFFF)z$([char]0xFDD0)"
        $results = @((New-Secret LINEAR_API_KEY $odd), (New-Secret GONG_API_KEY "ab$([char]0xD800)cd")) |
            Sync-SophiaSecret -Environment acme/prod -ErrorVariable errs -ErrorAction SilentlyContinue
        $results.Name | Should -Be 'LINEAR_API_KEY'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeExactly 'SecretSync.ValueNotRepresentable,SecretSync.Commands.SyncSophiaSecretCommand'
        $errs[0].TargetObject | Should -Be 'GONG_API_KEY'
        (Get-Opened acme/default/prod).LINEAR_API_KEY | Should -BeExactly $odd
    }
}
