BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version latest
    . (Join-Path $PSScriptRoot 'Emulator.ps1')
}

Describe 'Start-TestEmulator' {
    Context 'With the built emulator' {
        BeforeAll {
            $before = $env:GITHUB_TOKEN
            $emulator = Start-TestEmulator
        }

        AfterAll {
            if ($emulator) { $emulator | Stop-TestEmulator }
        }

        It 'points the module at the emulator' {
            $emulator.Url | Should -Match '^http://127\.0\.0\.1:\d+$'
            $env:PULUMI_BACKEND_URL | Should -Be $emulator.Url
            $env:GITHUB_API_URL | Should -Be "$($emulator.Url)/api/v3"
            $env:GITHUB_TOKEN | Should -Be $emulator.Token
            $env:PULUMI_ACCESS_TOKEN | Should -Be $emulator.Token
        }

        It 'answers 401 without the token' {
            (Invoke-EmulatorApi -Emulator $emulator -Path 'api/esc/environments' -NoToken).StatusCode | Should -Be 401
        }

        It 'serves requests with the token' {
            $created = Invoke-EmulatorApi -Emulator $emulator -Path 'api/esc/environments/acme' -Method POST -Body @{ project = 'app'; name = 'dev' }
            $created.StatusCode | Should -Be 200
            $key = Invoke-EmulatorApi -Emulator $emulator -Path 'api/v3/orgs/acme/actions/secrets/public-key'
            $key.StatusCode | Should -Be 200
            [Convert]::FromBase64String($key.Body.key).Length | Should -Be 32
        }

        It 'logs requests without query strings' {
            $log = (Invoke-EmulatorApi -Emulator $emulator -Path '_emulator/requests').Body
            $log.path | Should -Contain '/api/v3/orgs/acme/actions/secrets/public-key'
        }
    }

    Context 'When stopped' {
        It 'ends the process and restores the environment' {
            $saved = $env:GITHUB_TOKEN
            $emulator = Start-TestEmulator
            $processId = $emulator.Process.Id
            $emulator | Stop-TestEmulator
            Get-Process -Id $processId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $env:GITHUB_TOKEN | Should -Be $saved
        }
    }
}

Describe 'The emulator command line' {
    BeforeAll {
        $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $dll = Join-Path $repoRoot 'out/emulator/SecretSync.Emulator.dll'
        # Every option the parser knows, read from its switch so a new option cannot be forgotten here.
        $parser = Get-Content -Raw -LiteralPath (Join-Path $repoRoot 'src/SecretSync.Emulator/EmulatorOptions.cs')
        $script:knownOptions = @([regex]::Matches($parser, '"(--[a-z-]+)"(?:\s*or\s*"-[a-z-]+")*\s*=>') | ForEach-Object { $_.Groups[1].Value })
        $script:readme = Get-Content -Raw -LiteralPath (Join-Path $repoRoot 'README.md')
        $script:help = & dotnet $dll --help 2>&1
        $script:helpExit = $LASTEXITCODE
    }

    It 'knows at least the documented options' {
        $knownOptions | Should -Contain '--ignore-stdin'
        $knownOptions.Count | Should -BeGreaterThan 5
    }

    It '--help succeeds and lists every option the parser knows' {
        $helpExit | Should -Be 0
        $text = $help -join "`n"
        foreach ($option in $knownOptions) {
            $text | Should -Match ([regex]::Escape($option) + '\b') -Because "$option is parsed, so --help must list it"
        }
    }

    It 'the README lists every option the parser knows' {
        foreach ($option in $knownOptions) {
            $readme -match ([regex]::Escape($option) + '\b') | Should -BeTrue -Because "$option is parsed, so the README must list it"
        }
    }
}
