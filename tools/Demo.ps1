<#
.SYNOPSIS
    The main job of SecretSync end to end, against the loopback emulator, in a temporary folder.
.DESCRIPTION
    Run by `build.ps1 -Task Demo` after the build. A sample .env with awkward values and a sample mcp_config.json
    with hard-coded keys go through Get-SophiaSecret -> Sync-SophiaSecret (plan, then write) -> Update-McpConfig ->
    New-SophiaEnvTemplate -> Compare-SophiaSecret, then the GitHub side (rotation and the sync workflow), and ends
    in production: a small server run through Invoke-SophiaCommand with the environment's variables. Nothing
    leaves this machine; the folder and the emulator are gone at the end.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $Root)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'

Import-Module (Join-Path $Root 'out/SecretSync/SecretSync.psd1')
. (Join-Path $Root 'tests/pester/Emulator.ps1')

function Show-Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "== $Title" -ForegroundColor Cyan
    Write-Host "PS> $Command" -ForegroundColor Yellow
}
function Show([object[]] $Objects) { Write-Host (($Objects | Format-Table -AutoSize | Out-String -Width 140).TrimEnd()) }

$folder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "secretsync-demo-$PID")
$emulator = Start-TestEmulator -RepoRoot $Root -Token 'demo-token' -ArgumentList '--run-seconds', '2'
# Like GitHub, the emulator dispatches only workflows a repository has: the demo's repository has the sync workflow.
$null = Invoke-RestMethod -Method Post -Uri "$($emulator.Url)/_emulator/github/repos" -ContentType 'application/json' -Body (@{ owner = 'ai-cherry'; name = 'sophia'; workflows = @('unified-secret-sync.yml') } | ConvertTo-Json)
Push-Location $folder
try {
    Write-Host "SecretSync demo in $folder, against the emulator at $($emulator.Url) (PULUMI_BACKEND_URL and GITHUB_API_URL point there)."
    Set-Content secretsync.json @'
{
  "escEnvironment": "ai-cherry/sophia-production",
  "githubOrganization": "ai-cherry",
  "githubRepository": "ai-cherry/sophia",
  "envFiles": [".env"],
  "mcpConfigs": ["mcp_config.json"],
  "secrets": [ { "name": "ACME_WEBHOOK_SECRET", "category": "Other Integrations", "description": "Acme webhooks" } ]
}
'@
    $linear = 'lin_api_' + [guid]::NewGuid().ToString('N')
    $openai = 'sk-proj-' + [guid]::NewGuid().ToString('N')
    Set-Content .env @"
# Local secrets (never committed)
LINEAR_API_KEY=$linear
export OPENAI_API_KEY="$openai"   # inline comment
SNOWFLAKE_PASSWORD='pa`$`$word #not-a-comment: "quoted"'
ACME_WEBHOOK_SECRET="  spaced and unicode ✓  "
PEM_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
-----END PRIVATE KEY-----"
"@
    Set-Content mcp_config.json @"
{
  // MCP servers of the team
  "mcpServers": {
    "linear": { "command": "npx", "args": ["-y", "linear-mcp"], "env": { "LINEAR_API_KEY": "$linear" } },
    "openai": { "url": "https://mcp.example.com/sse?api_key=$openai" },
    "github": { "command": "gh-mcp", "env": { "GITHUB_TOKEN": "`${GITHUB_TOKEN}" } },
  }
}
"@

    Show-Step 'The catalog: what the organisation manages' "Get-SophiaSecretCatalog -Category 'AI Services', 'Other Integrations'"
    Show (Get-SophiaSecretCatalog -Category 'AI Services', 'Other Integrations')

    Show-Step 'Names are checked against SERVICE_CREDENTIAL_TYPE and GitHub''s rules' 'Test-SophiaSecretName LAMBDA_LABS_API_KEY, GITHUB_PAT, linear-key -Detailed'
    Show (Test-SophiaSecretName LAMBDA_LABS_API_KEY, GITHUB_PAT, linear-key -Detailed | Select-Object Name, IsValid, EscPath, GitHubCompatible, SuggestedName)

    Show-Step 'Collect: the process environment and .env (values stay SecureString; fingerprints compare them)' 'Get-SophiaSecret'
    $records = Get-SophiaSecret
    Show $records

    Show-Step 'Plan the sync: nothing is written' 'Get-SophiaSecret | Sync-SophiaSecret -WhatIf'
    Show ($records | Sync-SophiaSecret -WhatIf -WarningAction SilentlyContinue 6>$null)

    Show-Step 'Sync: ONE revision for all of them (the environment is created)' 'Get-SophiaSecret | Sync-SophiaSecret -Force'
    $synced = $records | Sync-SophiaSecret -Force
    Show $synced
    Write-Host 'The ESC definition now holds (secrets encrypted by ESC):' -ForegroundColor DarkGray
    $definition = Invoke-WebRequest -Uri "$($emulator.Url)/api/esc/environments/ai-cherry/default/sophia-production" -Headers @{ Authorization = 'token demo-token' }
    Write-Host ([Text.Encoding]::UTF8.GetString($definition.RawContentStream.ToArray()) -replace '(ciphertext: )[A-Za-z0-9+/=]{24,}', '$1ZXNj...')

    Show-Step 'Again: nothing changed, so nothing is written' 'Get-SophiaSecret | Sync-SophiaSecret'
    Show ($records | Sync-SophiaSecret)

    Show-Step 'Read back from ESC exactly as written' 'Get-SophiaSecret -Source Esc -Name SNOWFLAKE_PASSWORD, ACME_WEBHOOK_SECRET -AsPlainText'
    Get-SophiaSecret -Source Esc -Name SNOWFLAKE_PASSWORD, ACME_WEBHOOK_SECRET -AsPlainText | ForEach-Object { Write-Host ("{0} = [{1}]" -f $_.Name, $_.Value) }

    Show-Step 'MCP config: hard-coded keys become references (what would change first)' 'Update-McpConfig -WhatIf'
    Show (Update-McpConfig -WhatIf 6>$null | Select-Object Server, JsonPointer, Name, Reference, MatchKind, Action)
    Show-Step 'Rewrite them: only the secret characters change' 'Update-McpConfig'
    $null = Update-McpConfig -WarningAction SilentlyContinue
    Write-Host (Get-Content -Raw mcp_config.json)

    Show-Step '.env.template for new developers: names, never values' 'New-SophiaEnvTemplate'
    $template = New-SophiaEnvTemplate
    Write-Host ((Get-Content $template | Select-Object -First 18) -join "`n")
    Write-Host '...'

    Show-Step 'Drift across catalog, environment, .env, GitHub, ESC and MCP references' 'Compare-SophiaSecret | Where-Object Status -ne InSync'
    Show (Compare-SophiaSecret -WarningAction SilentlyContinue | Where-Object Status -ne InSync | Select-Object Name, Status, Hint -First 8)

    Show-Step 'Rotation runbook: ESC -> GitHub org secrets (sealed boxes), then the sync workflow' 'Get-SophiaSecret -Source Esc -Name LINEAR_API_KEY, OPENAI_API_KEY | Set-SophiaSecret -Target GitHubOrg'
    Show (Get-SophiaSecret -Source Esc -Name LINEAR_API_KEY, OPENAI_API_KEY | Set-SophiaSecret -Target GitHubOrg)
    Show-Step 'Pushing the same values again makes no write' 'Get-SophiaSecret -Source Esc -Name LINEAR_API_KEY, OPENAI_API_KEY | Set-SophiaSecret -Target GitHubOrg'
    Show (Get-SophiaSecret -Source Esc -Name LINEAR_API_KEY, OPENAI_API_KEY | Set-SophiaSecret -Target GitHubOrg)
    Show-Step 'Start the sync workflow and follow its run' 'Start-SophiaSecretSync -Wait'
    Show (Start-SophiaSecretSync -Wait)

    Show-Step 'The GitHub Actions workflow, generated from the catalog' 'New-SophiaSyncWorkflow'
    $workflow = New-SophiaSyncWorkflow
    Write-Host "$($workflow.FullName): $((Get-Content $workflow).Count) lines; the sync step receives $(@(Select-String -Path $workflow -Pattern '\$\{\{ secrets\.').Count) secrets by GitHub name."

    Show-Step 'Leak scan: known values in files (mcp_config.json is clean now; .env holds them by design)' 'Find-SophiaSecretLeak'
    Show (Find-SophiaSecretLeak)

    Show-Step 'MCP clients that start servers without your shell: launch them through Invoke-SophiaCommand (-Launch Direct undoes it)' 'Update-McpConfig -Launch SecretSync'
    Show (Update-McpConfig -Launch SecretSync | Select-Object Server, Action, Environment)
    Write-Host (Get-Content -Raw mcp_config.json)
    $null = Update-McpConfig -Launch Direct

    Show-Step 'Production: run a server with the environment''s variables; secret values it prints are filtered' 'Invoke-SophiaCommand ai-cherry/sophia-production -Name LINEAR_API_KEY, OPENAI_API_KEY -- pwsh -File server.ps1'
    Set-Content server.ps1 @'
"demo server: listening on 127.0.0.1:8080"
"demo server: LINEAR_API_KEY=$env:LINEAR_API_KEY ($($env:LINEAR_API_KEY.Length) characters)"
"demo server: Authorization: Bearer $env:OPENAI_API_KEY"
"demo server: PATH inherited: $([bool] $env:PATH); handled 1 request, exiting"
'@
    # The pwsh running this demo, whether it is an apphost or `dotnet pwsh.dll`.
    $pwsh = @([Environment]::ProcessPath) + @(if ((Split-Path -Leaf ([Environment]::ProcessPath)) -like 'dotnet*') { Join-Path $PSHOME 'pwsh.dll' })
    Invoke-SophiaCommand ai-cherry/sophia-production -Name LINEAR_API_KEY, OPENAI_API_KEY -FilePath $pwsh[0] -ArgumentList (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-File', 'server.ps1'))
    Write-Host "The server exited with $LASTEXITCODE; its output went through the filter, so no value reached the console."

    Write-Host ''
    Write-Host "Requests the emulator served: $(@((Invoke-RestMethod "$($emulator.Url)/_emulator/requests")).Count). Demo done." -ForegroundColor Green
} finally {
    Pop-Location
    Stop-TestEmulator $emulator
    Remove-Item $folder -Recurse -Force
}
