BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:Emulator = Start-TestEmulator
    Reset-Emulator $Emulator
    $tag = [guid]::NewGuid().ToString('N')
    $script:Secret = "tok/$tag+x="
    $script:Plain = "plain-$tag"
    $script:Multi1 = "line-one-$tag"
    $script:Multi2 = "line-two-$tag"
    $script:Cert = "cert-$tag"
    New-EmulatorEscEnvironment $Emulator -Environment acme/default/run -Yaml @"
values:
  app:
    api_token:
      fn::secret: "$Secret"
  environmentVariables:
    RUN_API_TOKEN: `${app.api_token}
    RUN_PLAIN: "$Plain"
    RUN_MULTI_KEY:
      fn::secret: "$Multi1\n$Multi2"
    RUN_PORT: 8080
    RUN_DEBUG: true
    RUN_NESTED:
      a: b
  files:
    RUN_CERT_FILE:
      fn::secret: "$Cert"
"@

    # Runs Invoke-SophiaCommand in a child pwsh (its stdout is that process's stdout) and returns what it wrote.
    $script:Runner = Join-Path $TestDrive 'runner.ps1'
    Set-Content -LiteralPath $Runner -Value @'
param([string] $Module, [string] $Sh, [switch] $Interactive, [string[]] $Name)
$ErrorActionPreference = 'Continue'
Import-Module $Module
$extra = @{}
if ($Name) { $extra.Name = $Name }
Invoke-SophiaCommand acme/run /bin/sh -c $Sh -Interactive:$Interactive @extra -ErrorAction SilentlyContinue -ErrorVariable failed
"exit=$LASTEXITCODE"
"errors=$(@($failed | ForEach-Object FullyQualifiedErrorId) -join ',')"
'@
    function Start-Child([string[]] $Arguments, [hashtable] $Environment = @{}) {
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive') + $Arguments) { $start.ArgumentList.Add($argument) }
        foreach ($pair in $Environment.GetEnumerator()) { $start.Environment[$pair.Key] = $pair.Value }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        [Diagnostics.Process]::Start($start)
    }
    function Invoke-Child([string] $Sh, [switch] $Interactive, [string[]] $Name = @(), [hashtable] $Environment = @{}) {
        $arguments = @('-File', $Runner, '-Module', $ModuleManifest, '-Sh', $Sh)
        if ($Interactive) { $arguments += '-Interactive' }
        if ($Name) { $arguments += '-Name'; $arguments += ($Name -join ',') }
        $process = Start-Child $arguments $Environment
        $errorText = $process.StandardError.ReadToEndAsync()
        $out = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ Out = $out; Err = $errorText.Result; Lines = @($out -split "`r?`n" | Where-Object { $_ }) }
    }
}

AfterAll {
    Stop-TestEmulator $script:Emulator
}

Describe 'Invoke-SophiaCommand' {
    Context 'Filtered (the default)' {
        BeforeAll {
            $script:Copy = Join-Path $TestDrive 'copy.txt'
            $script:PathFile = Join-Path $TestDrive 'path.txt'
            $script:ModeFile = Join-Path $TestDrive 'mode.txt'
            $sh = @"
echo "token=`$RUN_API_TOKEN"
echo "plain=`$RUN_PLAIN"
printf '%s\n' "`$RUN_MULTI_KEY"
echo "b64=`$(printf %s "`$RUN_API_TOKEN" | base64)"
echo "url=`$(printf %s "`$RUN_API_TOKEN" | sed 's#/#%2F#; s/+/%2B/; s/=/%3D/')"
echo "port=`$RUN_PORT debug=`$RUN_DEBUG nested=`${RUN_NESTED-unset}"
echo "file=`$(cat "`$RUN_CERT_FILE")"
cat "`$RUN_CERT_FILE" > '$Copy'
printf '%s' "`$RUN_CERT_FILE" > '$PathFile'
stat -c %a "`$RUN_CERT_FILE" > '$ModeFile'
echo "err=`$RUN_API_TOKEN" >&2
exit 3
"@
            $script:Result = Invoke-Child $sh
        }

        It 'replaces secret values with [secret] and passes plain values verbatim' {
            $Result.Lines | Should -Contain 'token=[secret]'
            $Result.Lines | Should -Contain "plain=$Plain"
            $Result.Lines | Should -Contain 'port=8080 debug=true nested=unset'
        }

        It 'filters each line of a multi-line secret, and base64 and URL-encoded forms' {
            $Result.Lines | Should -Contain 'b64=[secret]'
            $Result.Lines | Should -Contain 'url=[secret]'
            @($Result.Lines | Where-Object { $_ -eq '[secret]' }).Count | Should -Be 2
        }

        It 'filters stderr too' {
            $Result.Err | Should -Match 'err=\[secret\]'
        }

        It 'never shows a secret value' {
            foreach ($value in $Secret, $Multi1, $Multi2, $Cert) {
                $Result.Out.Contains($value) | Should -BeFalse
                $Result.Err.Contains($value) | Should -BeFalse
            }
        }

        It 'writes each files entry to a 0600 temporary file while the command runs, and removes it after' {
            $Result.Lines | Should -Contain 'file=[secret]'
            Get-Content -LiteralPath $Copy -Raw | Should -BeExactly $Cert
            (Get-Content -LiteralPath $ModeFile).Trim() | Should -Be '600'
            $path = Get-Content -LiteralPath $PathFile -Raw
            $path | Should -Not -BeNullOrEmpty
            Test-Path -LiteralPath $path | Should -BeFalse
        }

        It 'returns the exit code in $LASTEXITCODE with one error naming the command' {
            $Result.Lines | Should -Contain 'exit=3'
            $Result.Lines | Should -Contain 'errors=SecretSync.CommandFailed,SecretSync.Commands.InvokeSophiaCommandCommand'
        }
    }

    Context 'Other modes' {
        It 'shows the values unfiltered with -Interactive' {
            $result = Invoke-Child 'echo "token=$RUN_API_TOKEN"' -Interactive
            $result.Lines | Should -Contain "token=$Secret"
            $result.Lines | Should -Contain 'exit=0'
        }

        It 'passes strings that look like dates and numbers as ESC holds them' {
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/texts -Yaml "values:`n  environmentVariables:`n    WHEN: '2024-01-01T10:00:00+02:00'`n    RATE: 0.10`n"
            $out = Join-Path $TestDrive 'texts.txt'
            Invoke-SophiaCommand acme/texts /bin/sh -c 'printf "%s|%s" "$WHEN" "$RATE" > "$0"' $out
            Get-Content -LiteralPath $out -Raw | Should -BeExactly '2024-01-01T10:00:00+02:00|0.1'
        }

        It 'gives a name in both environmentVariables and files the file''s path, as esc run does' {
            New-EmulatorEscEnvironment $Emulator -Environment acme/default/both -Yaml "values:`n  environmentVariables:`n    BOTH_KEY: plain`n  files:`n    BOTH_KEY: from-file`n"
            $out = Join-Path $TestDrive 'both.txt'
            Invoke-SophiaCommand acme/both /bin/sh -c 'cat "$BOTH_KEY" > "$0"' $out
            Get-Content -LiteralPath $out -Raw | Should -BeExactly 'from-file'
        }

        It 'exports only -Name' {
            $result = Invoke-Child 'echo "plain=${RUN_PLAIN-unset} token=${RUN_API_TOKEN-unset}"' -Name RUN_API_*
            $result.Lines | Should -Contain 'plain=unset token=[secret]'
        }

        It 'lets ESC win a clash with the caller''s environment, naming the variable with -Verbose' {
            $result = Invoke-Child 'echo "plain=$RUN_PLAIN inherited=$CALLER_ONLY"' -Environment @{ RUN_PLAIN = 'caller'; CALLER_ONLY = 'kept' }
            $result.Lines | Should -Contain "plain=$Plain inherited=kept"
        }

        It 'starts from the exported variables alone with -NoInherit' {
            $env:CALLER_ONLY = 'kept'
            try {
                Invoke-SophiaCommand acme/run -NoInherit /bin/sh -c 'test -z "$CALLER_ONLY" && test -z "$HOME" && test -n "$RUN_PLAIN"'
                $LASTEXITCODE | Should -Be 0
                $verbose = Invoke-SophiaCommand acme/run /bin/sh -c 'exit 0' -Verbose 4>&1
                "$verbose" | Should -Not -Match 'RUN_PLAIN.*caller'
            } finally { Remove-Item env:CALLER_ONLY }
        }

        It 'says which variables it replaces, by name only' {
            $env:RUN_PLAIN = 'caller-value'
            try {
                $verbose = @(Invoke-SophiaCommand acme/run /bin/sh -c 'exit 0' -Verbose 4>&1) -join "`n"
                $verbose | Should -Match 'replaces this session''s for RUN_PLAIN'
                $verbose.Contains($Plain) | Should -BeFalse
                $verbose.Contains($Secret) | Should -BeFalse
            } finally { Remove-Item env:RUN_PLAIN }
        }

        It 'passes arguments as a list, never through a shell' {
            $out = Join-Path $TestDrive 'args.txt'
            Invoke-SophiaCommand acme/run /bin/sh -c 'printf "%s|" "$@" > "$0"' $out '$RUN_PLAIN' 'a;b' '' '"q"'
            Get-Content -LiteralPath $out -Raw | Should -BeExactly '$RUN_PLAIN|a;b||"q"|'
        }

        It 'stops a runbook with -ErrorAction Stop on a non-zero exit code' {
            { Invoke-SophiaCommand acme/run /bin/sh -c 'exit 7' -ErrorAction Stop } | Should -Throw -ErrorId 'SecretSync.CommandFailed,SecretSync.Commands.InvokeSophiaCommandCommand'
            $LASTEXITCODE | Should -Be 7
        }

        It 'says when the program does not exist' {
            { Invoke-SophiaCommand acme/run no-such-program-$([guid]::NewGuid().ToString('N')) } | Should -Throw -ErrorId 'SecretSync.CommandNotFound,SecretSync.Commands.InvokeSophiaCommandCommand'
        }

        It 'says when the environment does not exist' {
            { Invoke-SophiaCommand acme/nope /bin/true } | Should -Throw -ErrorId 'SecretSync.NotFound,SecretSync.Commands.InvokeSophiaCommandCommand'
        }

        It 'masks every secret value in GitHub Actions before the command starts' {
            $result = Invoke-Child 'echo started' -Environment @{ GITHUB_ACTIONS = 'true' }
            $masks = @($result.Lines | Where-Object { $_ -like '::add-mask::*' })
            foreach ($value in $Secret, $Multi1, $Multi2, $Cert) { $masks | Should -Contain "::add-mask::$value" }
            [array]::IndexOf($result.Lines, 'started') | Should -BeGreaterThan ([array]::IndexOf($result.Lines, $masks[-1]))
        }

        It 'completes -Environment like the other cmdlets' {
            $line = 'Invoke-SophiaCommand -Environment acme/'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'acme/default/run'
        }

        It 'reads .env files with -Source DotEnv, every value filtered' {
            $dotenv = Join-Path $TestDrive 'local.env'
            Set-Content -LiteralPath $dotenv -Value "LOCAL_API_KEY=local-$Secret"
            $out = Join-Path $TestDrive 'dotenv.txt'
            Invoke-SophiaCommand -Source DotEnv -Path $dotenv -FilePath /bin/sh -ArgumentList '-c', 'printf %s "$LOCAL_API_KEY" > "$0"', $out
            Get-Content -LiteralPath $out -Raw | Should -BeExactly "local-$Secret"
        }
    }

    Context 'Through an MCP config' {
        It 'starts a server wrapped by Update-McpConfig -Launch SecretSync with the environment, filtered' {
            $config = Join-Path $TestDrive 'mcp.json'
            Set-Content -LiteralPath $config -Value '{ "mcpServers": { "demo": { "command": "/bin/sh", "args": ["-c", "echo token=$RUN_API_TOKEN plain=$RUN_PLAIN"] } } }'
            $null = Update-McpConfig -Path $config -Launch SecretSync -Environment acme/run
            $server = (Get-Content -LiteralPath $config -Raw | ConvertFrom-Json).mcpServers.demo
            $server.command | Should -Be 'pwsh'
            # What the client would run: pwsh with the args, the module found on PSModulePath.
            $modules = Split-Path (Split-Path $ModuleManifest)
            $process = Start-Child ($server.args | Select-Object -Skip 2) @{ PSModulePath = "$modules$([IO.Path]::PathSeparator)$env:PSModulePath" }
            $out = $process.StandardOutput.ReadToEnd()
            $process.WaitForExit()
            $out.Trim() | Should -BeExactly "token=[secret] plain=$Plain"
        }
    }

    Context 'Script blocks' {
        It 'sets the variables for the block and restores the previous values and absences' {
            $env:RUN_PLAIN = 'before'
            Remove-Item env:RUN_API_TOKEN -ErrorAction SilentlyContinue
            try {
                $seen = Invoke-SophiaCommand acme/run -ScriptBlock { $env:RUN_PLAIN; $env:RUN_API_TOKEN -eq $Secret; Get-Content -LiteralPath $env:RUN_CERT_FILE -Raw; $env:RUN_CERT_FILE }
                $seen[0] | Should -BeExactly $Plain
                $seen[1] | Should -BeTrue
                $seen[2] | Should -BeExactly $Cert
                Test-Path -LiteralPath $seen[3] | Should -BeFalse
                $env:RUN_PLAIN | Should -BeExactly 'before'
                Test-Path env:RUN_API_TOKEN | Should -BeFalse
            } finally { Remove-Item env:RUN_PLAIN -ErrorAction SilentlyContinue }
        }

        It 'restores them and removes the files when the block throws' {
            $script:FilePath = $null
            { Invoke-SophiaCommand acme/run -ScriptBlock { $script:FilePath = $env:RUN_CERT_FILE; throw 'boom' } } | Should -Throw 'boom'
            Test-Path env:RUN_API_TOKEN | Should -BeFalse
            Test-Path env:RUN_CERT_FILE | Should -BeFalse
            $FilePath | Should -Not -BeNullOrEmpty
            Test-Path -LiteralPath $FilePath | Should -BeFalse
        }
    }

    Context 'Ctrl+C' {
        It 'kills the command and removes the temporary files when the pwsh running it gets SIGINT' {
            $marker = Join-Path $TestDrive 'sigint.txt'
            $script = "Import-Module '$ModuleManifest'; Invoke-SophiaCommand acme/run /bin/sh -c 'printf `"%s\n%s`" `"`$RUN_CERT_FILE`" `$`$ > $marker.tmp; mv $marker.tmp $marker; sleep 60'"
            $process = Start-Child @('-Command', $script)
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path -LiteralPath $marker) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $path, $shell = Get-Content -LiteralPath $marker
            Test-Path -LiteralPath $path | Should -BeTrue
            & kill -INT $process.Id
            $process.WaitForExit(20000) | Should -BeTrue
            Test-Path -LiteralPath $path | Should -BeFalse
            & kill -0 $shell 2>$null
            $LASTEXITCODE | Should -Not -Be 0 -Because 'the command was killed with the pwsh running it'
        }

        It 'restores the variables and removes the files when a script block is stopped' {
            $marker = Join-Path $TestDrive 'sigint-block.txt'
            $script = "Import-Module '$ModuleManifest'; try { Invoke-SophiaCommand acme/run -ScriptBlock { Set-Content -LiteralPath '$marker.tmp' -Value `$env:RUN_CERT_FILE; Move-Item '$marker.tmp' '$marker'; Start-Sleep 60 } } finally { [Console]::Out.WriteLine('after=' + [bool] `$env:RUN_PLAIN + [bool] `$env:RUN_CERT_FILE) }"
            $process = Start-Child @('-Command', $script)
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path -LiteralPath $marker) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $path = (Get-Content -LiteralPath $marker -Raw).Trim()
            Test-Path -LiteralPath $path | Should -BeTrue
            & kill -INT $process.Id
            $process.WaitForExit(20000) | Should -BeTrue
            Test-Path -LiteralPath $path | Should -BeFalse
            $process.StandardOutput.ReadToEnd() | Should -Match 'after=FalseFalse'
        }
    }
}
