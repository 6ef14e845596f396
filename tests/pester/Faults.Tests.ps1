# Every command under a flaky service: about 30% of API requests get a 429 with Retry-After, a 500, a dropped
# connection or a slow answer. Each attempt must either complete correctly or fail with a documented ErrorId and a
# clear message; ESC only ever gets whole revisions; files end whole or byte-identical.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'ChildProcess.ps1')
    # YamlDotNet to read revisions back (the module's own copy sits in its private load context).
    Add-Type -Path (Join-Path (Split-Path $ModuleManifest) 'dependencies/YamlDotNet.dll')
    $script:Emulator = Start-TestEmulator

    # What a failure under faults may be: the service was unreachable, answered an error, or kept changing.
    $script:DocumentedIds = 'SecretSync.ServiceUnavailable', 'SecretSync.ServiceError', 'SecretSync.EscConflict'

    function Add-FaultMix {
        # Four rules tried in order, each drawing its own chance r: 1 - (1 - r)^4 = 0.3 of requests get one fault.
        $rate = 1 - [Math]::Pow(0.7, 0.25)
        Add-EmulatorFault $Emulator @{ pathPrefix = '/api/'; rate = $rate; status = 429; retryAfter = 1 }
        Add-EmulatorFault $Emulator @{ pathPrefix = '/api/'; rate = $rate; status = 500; message = 'injected failure' }
        Add-EmulatorFault $Emulator @{ pathPrefix = '/api/'; rate = $rate; drop = $true }
        Add-EmulatorFault $Emulator @{ pathPrefix = '/api/'; rate = $rate; delayMs = 300 }
    }

    # Runs $Script under the fault mix; returns its output and every error it raised, terminating or not.
    function Invoke-Attempt([scriptblock] $Script) {
        $ErrorActionPreference = 'Continue'
        $WarningPreference = 'SilentlyContinue'
        $ProgressPreference = 'SilentlyContinue'
        $output = [Collections.Generic.List[object]]::new()
        $errors = [Collections.Generic.List[object]]::new()
        Add-FaultMix
        try {
            try {
                & $Script 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) } else { $output.Add($_) } }
            } catch {
                $errors.Add($_)
            }
        } finally {
            Clear-EmulatorFault $Emulator
        }
        [pscustomobject]@{ Output = $output.ToArray(); Errors = $errors.ToArray() }
    }

    function Assert-ClearFailure([System.Management.Automation.ErrorRecord] $Record, [string] $Class) {
        $Record.FullyQualifiedErrorId | Should -BeIn ($DocumentedIds | ForEach-Object { "$_,SecretSync.Commands.$Class" })
        $message = $Record.Exception.Message
        $message.Length | Should -BeGreaterThan 20 -Because 'the message says what failed'
        $message | Should -Not -Match '\b(System\.[\w.]+Exception|HttpRequestException|SocketException|IOException|TaskCanceledException|NullReferenceException)\b' -Because 'a message names the problem, not a .NET type'
        $message | Should -Not -Match '(?m)^\s*at \S+\(' -Because 'a message holds no stack trace'
    }

    function Get-Opened([string] $Environment) {
        $map = @{}
        foreach ($record in Get-SophiaSecret -Source Esc -Environment $Environment -AsPlainText) { $map[$record.Name] = $record.Value }
        $map
    }

    # The names in values.secretSync.managedKeys of one revision; the YAML must parse.
    function Get-ManagedKey([string] $Yaml) {
        $stream = [YamlDotNet.RepresentationModel.YamlStream]::new()
        $stream.Load([IO.StringReader]::new($Yaml))
        $root = $stream.Documents[0].RootNode
        $managed = $root.Children['values'].Children['secretSync'].Children['managedKeys']
        @($managed.Children.Keys | ForEach-Object { $_.Value })
    }

    function Get-Revision([string] $Environment, [int] $Number) {
        $response = Invoke-WebRequest -Uri "$($Emulator.Url)/api/esc/environments/$Environment/versions/$Number" -Headers @{ Authorization = "token $($Emulator.Token)" }
        [Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray())
    }

    # Every revision since $From: parses, and holds each group of names all together or not at all.
    function Assert-WholeRevision([string] $Environment, [int] $From, [hashtable] $Groups) {
        $latest = Get-EmulatorEscRevision $Emulator $Environment
        for ($number = [Math]::Max($From, 2); $number -le $latest; $number++) {
            $keys = Get-ManagedKey (Get-Revision $Environment $number)
            foreach ($group in $Groups.GetEnumerator()) {
                $present = @($group.Value | Where-Object { $_ -in $keys }).Count
                $present | Should -BeIn @(0, $group.Value.Count) -Because "revision $number holds all of $($group.Key) or none"
            }
        }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Under injected faults' {
    BeforeAll {
        Reset-Emulator $Emulator
        Clear-EmulatorFault $Emulator
        New-EmulatorEscEnvironment $Emulator -Environment acme/default/faults -Yaml "values:`n  app:`n    region: eu-west-1`n"
        $script:Seeded = @{ SEED_API_KEY = 'seed-' + [guid]::NewGuid(); SEED_TOKEN = "multi`nline-" + [guid]::NewGuid() }
        $null = $Seeded.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Value = $_.Value } } | Sync-SophiaSecret -Environment acme/faults
        $script:GitHubNames = 'GH_ONE_API_KEY', 'GH_TWO_TOKEN', 'GH_THREE_SECRET'
        Set-EmulatorGitHubSecret $Emulator -Organization acme -Name $GitHubNames -Value 'v0'
        $null = Invoke-EmulatorApi $Emulator /_emulator/github/runs -Method POST -Body @{ conclusion = 'success'; seconds = 0.3 }
        Add-EmulatorWorkflow $Emulator acme/app
        Push-Location $TestDrive
    }
    AfterAll { Pop-Location }

    Context 'Get-SophiaSecret' {
        It 'reads ESC exactly or fails clearly, attempt <_>' -ForEach (1..4) {
            $attempt = Invoke-Attempt { Get-SophiaSecret -Source Esc -Environment acme/faults -AsPlainText }
            if ($attempt.Errors) {
                Assert-ClearFailure $attempt.Errors[0] GetSophiaSecretCommand
                $attempt.Output | Should -BeNullOrEmpty
            } else {
                $read = @{}; $attempt.Output | ForEach-Object { $read[$_.Name] = $_.Value }
                $read.Count | Should -Be $Seeded.Count
                foreach ($name in $Seeded.Keys) { $read[$name] | Should -BeExactly $Seeded[$name] }
            }
        }

        It 'lists GitHub names exactly or fails clearly, attempt <_>' -ForEach (1..4) {
            $attempt = Invoke-Attempt { Get-SophiaSecret -Source GitHub -Organization acme }
            if ($attempt.Errors) {
                Assert-ClearFailure $attempt.Errors[0] GetSophiaSecretCommand
            } else {
                ($attempt.Output.Name | Sort-Object) | Should -Be ($GitHubNames | Sort-Object)
            }
        }
    }

    Context 'Sync-SophiaSecret' {
        It 'lands each sync as one whole revision or not at all' {
            $from = Get-EmulatorEscRevision $Emulator acme/default/faults
            $groups = @{}
            $expected = @{} + $Seeded
            foreach ($i in 1..5) {
                $values = [ordered]@{}
                foreach ($j in 1..3) { $values["SYNC$($i)_$($j)_API_KEY"] = "v$i-$j-" + [guid]::NewGuid() }
                $groups["attempt $i"] = @($values.Keys)
                $attempt = Invoke-Attempt { $values.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Value = $_.Value } } | Sync-SophiaSecret -Environment acme/faults }
                if ($attempt.Errors) {
                    Assert-ClearFailure $attempt.Errors[0] SyncSophiaSecretCommand
                } else {
                    @($attempt.Output).Count | Should -Be 3
                    foreach ($entry in $values.GetEnumerator()) { $expected[$entry.Key] = $entry.Value }
                }
                $opened = Get-Opened acme/faults
                $opened.Keys.Count | Should -Be $expected.Keys.Count -Because "after attempt $i exactly the secrets of the successful syncs are there"
                foreach ($name in $expected.Keys) { $opened[$name] | Should -BeExactly $expected[$name] }
            }
            Assert-WholeRevision acme/default/faults $from $groups
            $final = Get-ManagedKey (Get-EmulatorEscDefinition $Emulator acme/default/faults)
            ($final | Sort-Object) | Should -Be ($expected.Keys | Sort-Object)
        }

        It 'lets racing writers in child processes land whole or fail clearly' {
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/race -Yaml ''
            $from = Get-EmulatorEscRevision $Emulator acme/default/race
            $child = Join-Path $TestDrive 'race.ps1'
            Set-Content -LiteralPath $child -Value @'
param([string] $Module, [string] $Prefix)
$ErrorActionPreference = 'Stop'
Import-Module $Module
$result = [ordered]@{ Prefix = $Prefix; Ok = $false; Id = $null; Message = $null }
try {
    $null = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "$($Prefix)_$($_)_API_KEY"; Value = "$Prefix-value-$_" } } |
        Sync-SophiaSecret -Environment acme/race -WarningAction SilentlyContinue
    $result.Ok = $true
} catch {
    $result.Id = $_.FullyQualifiedErrorId
    $result.Message = $_.Exception.Message
}
$result | ConvertTo-Json -Compress
'@
            $prefixes = 'RACEA', 'RACEB', 'RACEC', 'RACED'
            Add-FaultMix
            try {
                $processes = foreach ($prefix in $prefixes) {
                    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
                    foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $child, '-Module', $ModuleManifest, '-Prefix', $prefix) { $start.ArgumentList.Add($argument) }
                    $start.RedirectStandardOutput = $true
                    $start.UseShellExecute = $false
                    [Diagnostics.Process]::Start($start)
                }
                $results = foreach ($process in $processes) {
                    $text = $process.StandardOutput.ReadToEnd()
                    $process.WaitForExit()
                    $text | ConvertFrom-Json
                }
            } finally { Clear-EmulatorFault $Emulator }

            $opened = Get-Opened acme/race
            $groups = @{}
            foreach ($result in $results) {
                $names = 1..3 | ForEach-Object { "$($result.Prefix)_$($_)_API_KEY" }
                $groups[$result.Prefix] = $names
                if ($result.Ok) {
                    foreach ($j in 1..3) { $opened["$($result.Prefix)_$($j)_API_KEY"] | Should -BeExactly "$($result.Prefix)-value-$j" }
                } else {
                    $result.Id | Should -BeIn ($DocumentedIds | ForEach-Object { "$_,SecretSync.Commands.SyncSophiaSecretCommand" })
                    $result.Message | Should -Not -Match 'Exception\b|(?m)^\s*at \S+\('
                    @($names | Where-Object { $opened.ContainsKey($_) }).Count | Should -BeIn @(0, 3)
                }
            }
            @($results | Where-Object Ok).Count + @($results | Where-Object { -not $_.Ok }).Count | Should -Be $prefixes.Count
            Assert-WholeRevision acme/default/race $from $groups
        }
    }

    Context 'Set-SophiaSecret' {
        It 'writes ESC as one revision or not at all, attempt <_>' -ForEach (1..3) {
            $before = Get-Opened acme/faults
            $values = @{ "SETESC$($_)_API_KEY" = "esc-$_-" + [guid]::NewGuid(); "SETESC$($_)_TOKEN" = "tok-$_-" + [guid]::NewGuid() }
            $attempt = Invoke-Attempt {
                $values.GetEnumerator() | ForEach-Object { [SecretSync.Core.Records.Secrets.SecretRecord]::new($_.Key, 'Environment', 'test', [SecretSync.Core.Records.Secrets.SecretRecord]::Protect($_.Value)) } |
                    Set-SophiaSecret -Target Esc -Environment acme/faults
            }
            $after = Get-Opened acme/faults
            if ($attempt.Errors) {
                Assert-ClearFailure $attempt.Errors[0] SetSophiaSecretCommand
                foreach ($name in $values.Keys) { $after.ContainsKey($name) | Should -BeFalse }
                $after.Count | Should -Be $before.Count
            } else {
                foreach ($name in $values.Keys) { $after[$name] | Should -BeExactly $values[$name] }
            }
        }

        It 'writes each GitHub secret whole or reports it, attempt <_>' -ForEach (1..3) {
            $old = @{}; foreach ($name in $GitHubNames) { $old[$name] = Get-EmulatorGitHubSecretValue $Emulator acme $name }
            $new = @{}; foreach ($name in $GitHubNames) { $new[$name] = "gh-$_-" + [guid]::NewGuid() }
            $attempt = Invoke-Attempt {
                $GitHubNames | ForEach-Object { [SecretSync.Core.Records.Secrets.SecretRecord]::new($_, 'Environment', 'test', [SecretSync.Core.Records.Secrets.SecretRecord]::Protect($new[$_])) } |
                    Set-SophiaSecret -Target GitHubOrg -Organization acme
            }
            foreach ($record in $attempt.Errors) { Assert-ClearFailure $record SetSophiaSecretCommand }
            foreach ($name in $GitHubNames) {
                $value = Get-EmulatorGitHubSecretValue $Emulator acme $name
                if ($attempt.Output | Where-Object Name -EQ $name) {
                    $value | Should -BeExactly $new[$name] -Because "$name was reported written"
                } else {
                    $value | Should -BeIn @($old[$name], $new[$name]) -Because "$name holds a whole value"
                }
            }
        }
    }

    Context 'Start-SophiaSecretSync' {
        It 'dispatches and follows the run or fails clearly, attempt <_>' -ForEach (1..3) {
            $attempt = Invoke-Attempt { Start-SophiaSecretSync -Repository acme/app -Wait -Timeout ([timespan]::FromSeconds(20)) }
            if ($attempt.Errors) {
                Assert-ClearFailure $attempt.Errors[0] StartSophiaSecretSyncCommand
            } else {
                $attempt.Output[-1].Conclusion | Should -Be 'success'
            }
        }
    }

    Context 'Files fed from a flaky service' {
        BeforeAll {
            $script:Original = [Text.Encoding]::UTF8.GetBytes("# local settings`nLOG_LEVEL=debug`nSEED_API_KEY=old-value`n")
            $script:McpOriginal = [Text.Encoding]::UTF8.GetBytes("{`n  `"mcpServers`": {`n    `"app`": { `"env`": { `"SEED_API_KEY`": `"$($Seeded.SEED_API_KEY)`" } }`n  }`n}`n")
            # What a fault-free run makes of the same input.
            [IO.File]::WriteAllBytes((Join-Path $TestDrive 'ref.env'), $Original)
            $null = Get-SophiaSecret -Source Esc -Environment acme/faults | Export-SophiaSecret -Format DotEnv -Path ref.env -Force
            $script:Exported = [IO.File]::ReadAllBytes((Join-Path $TestDrive 'ref.env'))
            [IO.File]::WriteAllBytes((Join-Path $TestDrive 'ref.json'), $McpOriginal)
            $null = Get-SophiaSecret -Source Esc -Environment acme/faults | Update-McpConfig -Path ref.json -WarningAction SilentlyContinue
            $script:Rewritten = [IO.File]::ReadAllBytes((Join-Path $TestDrive 'ref.json'))
            function Get-Hex([byte[]] $Bytes) { [Convert]::ToHexString($Bytes) }
        }

        It 'Export-SophiaSecret leaves .env whole or untouched, attempt <_>' -ForEach (1..3) {
            [IO.File]::WriteAllBytes((Join-Path $TestDrive 'target.env'), $Original)
            $attempt = Invoke-Attempt { Get-SophiaSecret -Source Esc -Environment acme/faults | Export-SophiaSecret -Format DotEnv -Path target.env -Force }
            $bytes = Get-Hex ([IO.File]::ReadAllBytes((Join-Path $TestDrive 'target.env')))
            if ($attempt.Errors) {
                Assert-ClearFailure $attempt.Errors[0] GetSophiaSecretCommand
                $bytes | Should -Be (Get-Hex $Original)
            } else {
                $bytes | Should -Be (Get-Hex $Exported)
            }
            @(Get-ChildItem $TestDrive -Force -Filter *.tmp).Count | Should -Be 0
        }

        It 'Update-McpConfig leaves the config whole or untouched, attempt <_>' -ForEach (1..3) {
            [IO.File]::WriteAllBytes((Join-Path $TestDrive 'target.json'), $McpOriginal)
            $attempt = Invoke-Attempt { Get-SophiaSecret -Source Esc -Environment acme/faults | Update-McpConfig -Path target.json }
            $bytes = Get-Hex ([IO.File]::ReadAllBytes((Join-Path $TestDrive 'target.json')))
            if ($attempt.Errors) {
                Assert-ClearFailure $attempt.Errors[0] GetSophiaSecretCommand
                $bytes | Should -Be (Get-Hex $McpOriginal)
            } else {
                $bytes | Should -Be (Get-Hex $Rewritten)
            }
            @(Get-ChildItem $TestDrive -Force -Filter *.tmp).Count | Should -Be 0
        }
    }

    Context 'A process killed mid-write' {
        BeforeAll {
            # The child lowers its own file size limit after loading the module: the kernel then kills it with SIGXFSZ
            # inside the write of the temporary file, as a SIGKILL or a power cut would, but at a known moment.
            $script:KillWhenFileReaches64KB = 'Add-Type -Namespace Limits -Name Process -MemberDefinition ''[DllImport("libc")] public static extern int setrlimit(int resource, ulong[] limit);''; $null = [Limits.Process]::setrlimit(1, [uint64[]] (65536, 65536)); '
        }

        It 'leaves a 0600 temporary file holding values, which the next write in that folder removes' -Skip:(-not $IsLinux) {
            $folder = (New-Item -ItemType Directory (Join-Path $TestDrive 'killed-export')).FullName
            $values = (1..20 | ForEach-Object { "[pscustomobject]@{ Name = 'BULK_$($_)_TOKEN'; Value = 'v' * 8192 }" }) -join ', '
            $result = Invoke-ChildPwsh ($KillWhenFileReaches64KB + "$values | Export-SophiaSecret -Format DotEnv -Path .env") $folder
            $result.ExitCode | Should -Be (128 + 25) -Because "SIGXFSZ ends the child mid-write: $($result.Output)"
            $leftover = @(Get-ChildItem $folder -Force -Filter '*.tmp')
            $leftover.Count | Should -Be 1
            $leftover[0].UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, UserWrite')
            $null = [pscustomobject]@{ Name = 'A_TOKEN'; Value = 'a' } | Export-SophiaSecret -Format DotEnv -Path (Join-Path $folder 'other.env')
            @(Get-ChildItem $folder -Force -Filter '*.tmp').Count | Should -Be 0 -Because 'the process that made it is gone'
        }

        It 'keeps the temporary file of a world-readable MCP config 0600 until it is complete' -Skip:(-not $IsLinux) {
            $folder = (New-Item -ItemType Directory (Join-Path $TestDrive 'killed-mcp')).FullName
            $secret = 'exa-' + [guid]::NewGuid().ToString('N')
            $config = Join-Path $folder 'mcp_config.json'
            [IO.File]::WriteAllText($config, "{ `"mcpServers`": { `"exa`": { `"env`": { `"EXA_API_KEY`": `"$secret`" }, `"note`": `"$('x' * 100000)`" } } }")
            chmod 644 $config
            $result = Invoke-ChildPwsh ($KillWhenFileReaches64KB + "[pscustomobject]@{ Name = 'EXA_API_KEY'; Value = '$secret' } | Update-McpConfig -Path mcp_config.json -WarningAction SilentlyContinue") $folder
            $result.ExitCode | Should -Be (128 + 25) -Because "SIGXFSZ ends the child mid-write: $($result.Output)"
            $leftover = @(Get-ChildItem $folder -Force -Filter '*.tmp')
            $leftover.Count | Should -Be 1
            $leftover[0].UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, UserWrite')
            [IO.File]::ReadAllText($config) | Should -BeLike "*$secret*" -Because 'the config itself is untouched'
        }
    }
}
