BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $script:OtherYaml = Join-Path $packages 'yamldotnet/11.2.1/lib/netstandard2.1/YamlDotNet.dll'
    $script:Emulator = Start-TestEmulator

    # One fresh pwsh session that holds SecretSync AND another module's YamlDotNet 11 (and PowerShell's own
    # Newtonsoft.Json, which pwsh loads for ConvertTo-Json), in the order given, and uses all of them.
    function Invoke-TwoModuleSession([string] $Order) {
        $work = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $null = New-Item -ItemType Directory $work
        $script = @'
param($Manifest, $OtherYaml, $Order, $Work)
$ErrorActionPreference = 'Stop'
function Use-OtherModule {
    # What another module would do with its own YamlDotNet and with PowerShell's Newtonsoft.Json.
    Add-Type -Path $OtherYaml
    $parsed = [YamlDotNet.Serialization.DeserializerBuilder]::new().Build().Deserialize[object]("a: 1")
    if ($parsed['a'] -ne '1') { throw 'the other YamlDotNet did not parse' }
    $null = @{ a = 1 } | ConvertTo-Json
}
function Use-SecretSync {
    Import-Module $Manifest
    $record = [SecretSync.Core.Records.Secrets.SecretRecord]::new('LINEAR_API_KEY', 'Environment', 'test', 'isolation-value')
    $null = $record | Sync-SophiaSecret -Environment acme/isolation -Force
    $null = $record | Set-SophiaSecret -Target GitHubOrg -Organization acme
    $mcp = Join-Path $Work 'mcp.json'
    [IO.File]::WriteAllText($mcp, '{ "mcpServers": { "linear": { "command": "npx", "env": { "LINEAR_API_KEY": "isolation-value" } } } }')
    $null = $record | Update-McpConfig -Path $mcp -WarningAction SilentlyContinue
    if ((Get-Content $mcp -Raw) -notmatch '\$\{LINEAR_API_KEY\}') { throw 'Update-McpConfig did not rewrite' }
}
if ($Order -eq 'OtherFirst') { Use-OtherModule; Use-SecretSync } else { Use-SecretSync; Use-OtherModule }
$core = [SecretSync.Core.Records.Secrets.SecretRecord].Assembly
$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'YamlDotNet', 'Newtonsoft.Json' } |
    ForEach-Object { '{0} {1} {2}' -f $_.GetName().Name, $_.GetName().Version.Major, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
[pscustomobject]@{ CoreContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name; Loaded = @($loaded | Sort-Object) } | ConvertTo-Json -Compress
'@
        $file = Join-Path $work 'session.ps1'
        Set-Content -LiteralPath $file -Value $script
        try {
            $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file -Manifest $ModuleManifest -OtherYaml $OtherYaml -Order $Order -Work $work 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join "`n"); Result = $(try { ($output | Select-Object -Last 1) | ConvertFrom-Json } catch { $null }) }
        } finally {
            Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

AfterAll {
    Stop-TestEmulator $Emulator
}

Describe 'Dependencies in their own load context' {
    It 'works in a session where another module loaded its own YamlDotNet first (<_>)' -ForEach 'OtherFirst', 'SecretSyncFirst' {
        $session = Invoke-TwoModuleSession $_
        $session.ExitCode | Should -Be 0 -Because $session.Output
        $session.Output | Should -Not -Match 'isolation-value'
        $session.Result.CoreContext | Should -Be 'SecretSync'
        # Both YamlDotNets live side by side: ours (16) privately, the other module's (11) in the default context;
        # Newtonsoft.Json likewise: PowerShell's in the default context, ours in the private one.
        $session.Result.Loaded | Should -Contain 'YamlDotNet 11 Default'
        $session.Result.Loaded | Should -Contain 'YamlDotNet 16 SecretSync'
        $session.Result.Loaded | Should -Contain 'Newtonsoft.Json 13 Default'
        $session.Result.Loaded | Should -Contain 'Newtonsoft.Json 13 SecretSync'
    }
}
