@{
    RootModule           = 'SecretSync.dll'
    # Loaded before the root module: registers the private load context of SecretSync.Core and its dependencies
    # (dependencies/), so that PowerShell can reflect over the cmdlets without another module's libraries.
    NestedModules        = @('SecretSync.Loader.dll')
    # Stamped by build.ps1 from <ModuleVersion> in Directory.Build.props: the one version source.
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0d6c0e-3a55-4d8e-9f6b-7c1e2d4a9b31'
    Author               = 'SecretSync engineers'
    CompanyName          = 'Sophia AI'
    Copyright            = '(c) Sophia AI. All rights reserved.'
    Description          = 'ONE way to manage the organisation''s secrets: GitHub organisation secrets as the source of truth, Pulumi ESC as the central store, and .env files, MCP configs and .env.template following from them.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('SecretSync.format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Compare-SophiaSecret'
        'Export-SophiaSecret'
        'Find-SophiaSecretLeak'
        'Get-SophiaSecret'
        'Get-SophiaSecretCatalog'
        'Invoke-SophiaCommand'
        'New-SophiaEnvTemplate'
        'New-SophiaSecretConfig'
        'New-SophiaSyncWorkflow'
        'Set-SophiaSecret'
        'Start-SophiaSecretSync'
        'Sync-SophiaSecret'
        'Test-SophiaSecretName'
        'Update-McpConfig'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Secrets', 'PulumiESC', 'GitHub', 'MCP', 'dotenv')
            ProjectUri = 'https://github.com/ai-cherry/secretsync'
        }
    }
}
