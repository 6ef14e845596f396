BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $script:CmdletSources = Join-Path $RepoRoot 'src/SecretSync'

    # The cmdlet-assembly files (relative paths) whose text matches $Pattern, except those listed in $Except.
    function Find-Source([string] $Pattern, [string[]] $Except = @()) {
        Get-ChildItem -LiteralPath $CmdletSources -Recurse -Filter *.cs |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
            Where-Object { [IO.Path]::GetRelativePath($CmdletSources, $_.FullName).Replace('\', '/') -notin $Except } |
            Select-String -Pattern $Pattern |
            ForEach-Object { '{0}:{1}: {2}' -f [IO.Path]::GetRelativePath($CmdletSources, $_.Path), $_.LineNumber, $_.Line.Trim() }
    }
}

Describe 'The cmdlet assembly has one way to do each thing' {
    It 'builds service clients only in ServiceClients' {
        Find-Source 'new\s+(EscClient|EscSyncService|WorkflowDispatcher|GitHubPushService|GitHubPushLedgerStore)\s*\(' -Except 'ServiceClients.cs' |
            Should -BeNullOrEmpty -Because 'the session''s endpoints, tokens and the insecure-endpoint rule are applied in one factory'
        Find-Source 'EndpointResolver\.' -Except 'ServiceClients.cs' | Should -BeNullOrEmpty
    }

    It 'builds ErrorRecords, their ErrorIds and categories only in Commands/ErrorRecords.cs' {
        Find-Source 'new\s+ErrorRecord\s*\(' -Except 'Commands/ErrorRecords.cs' | Should -BeNullOrEmpty
        Find-Source 'ErrorCategory\.' -Except 'Commands/ErrorRecords.cs' | Should -BeNullOrEmpty
        Find-Source '"SecretSync\.[A-Z][A-Za-z]*"\s*,\s*ErrorCategory' -Except 'Commands/ErrorRecords.cs' | Should -BeNullOrEmpty
    }

    It 'resolves path parameters only in PathResolver' {
        Find-Source 'ProviderPathFromPSPath|CurrentFileSystemLocation' -Except 'PathResolver.cs' | Should -BeNullOrEmpty
    }

    It '<_> follows the plan/apply base of the writers' -ForEach @(
        'Sync-SophiaSecret', 'Set-SophiaSecret', 'Export-SophiaSecret', 'New-SophiaEnvTemplate', 'Update-McpConfig', 'New-SophiaSyncWorkflow'
    ) {
        (Get-Command $_).ImplementingType.BaseType.FullName | Should -Be 'SecretSync.SophiaWriteCmdlet'
    }
}
