BeforeAll {
    $ErrorActionPreference = 'Stop'
    Set-StrictMode -Version Latest
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'SecretSync module' {
    Context 'With the built module imported' {
        It 'exports exactly the compiled cmdlets' {
            $module = Get-Module SecretSync
            $compiled = $module.ImplementingAssembly.GetTypes() |
                Where-Object { $_.IsPublic -and $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" }
            $exported = $module.ExportedCmdlets.Keys
            @($exported | Sort-Object) | Should -Be @($compiled | Sort-Object)
            @((Import-PowerShellDataFile $ModuleManifest).CmdletsToExport | Sort-Object) | Should -Be @($compiled | Sort-Object)
        }

        It 'exports no functions, aliases or variables' {
            $module = Get-Module SecretSync
            $module.ExportedFunctions.Count | Should -Be 0
            $module.ExportedAliases.Count | Should -Be 0
            $module.ExportedVariables.Count | Should -Be 0
        }

        It 'keeps the cmdlet assembly off every dependency PowerShell also carries' {
            # The cmdlets load in PowerShell's default context, Core and its libraries in the module's private one.
            # A cmdlet that names a Newtonsoft.Json (or YamlDotNet, Octokit...) type, even through a Core signature,
            # binds to another copy than Core's and fails at run time with a MissingMethodException.
            $allowed = 'netstandard', 'System.Management.Automation', 'SecretSync.Core', 'Microsoft.Bcl.TimeProvider'
            $cmdlets = (Get-Module SecretSync).ImplementingAssembly
            @($cmdlets.GetReferencedAssemblies().Name | Where-Object { $_ -notin $allowed }) | Should -BeNullOrEmpty
        }

        It 'resolves the type literal <_> (current and 0.1 names)' -ForEach @(
            'SecretSync.Core.Records.Secrets.SecretRecord', 'SecretSync.Core.Records.Secrets.SecretSource',
            'SecretSync.Core.Planning.Sync.SyncResult', 'SecretSync.Core.Checks.Drift.DriftStatus',
            'SecretSync.Core.Secrets.SecretRecord', 'SecretSync.Core.Secrets.SecretSource',
            'SecretSync.Core.Sync.SyncResult', 'SecretSync.Core.Drift.DriftStatus'
        ) {
            # Scripts build pipeline input with these; the names from before Core's folders were grouped stay valid.
            $type = [scriptblock]::Create("[$_]").Invoke()[0]
            $type.Assembly.GetName().Name | Should -Be 'SecretSync.Core'
            $type.Name | Should -Be ($_ -split '\.')[-1]
        }

        It 'ships no System.Management.Automation.dll' {
            Join-Path (Split-Path $ModuleManifest) 'System.Management.Automation.dll' | Should -Not -Exist
        }

        It 'has the version of Directory.Build.props' {
            [xml] $props = Get-Content (Join-Path $RepoRoot 'Directory.Build.props') -Raw
            $expected = $props.SelectSingleNode('//ModuleVersion').InnerText
            (Get-Module SecretSync).Version.ToString(3) | Should -Be $expected
        }

        It 'loads its format file with a table view for every output type' {
            $types = 'SecretSync.CatalogEntry', 'SecretSync.NameCheck', 'SecretSync.SecretRecord', 'SecretSync.SyncResult', 'SecretSync.SetResult', 'SecretSync.WorkflowRun', 'SecretSync.McpFinding', 'SecretSync.McpLaunchChange', 'SecretSync.LeakFinding', 'SecretSync.DriftRecord'
            foreach ($type in $types) {
                Get-FormatData -TypeName $type | Should -Not -BeNullOrEmpty -Because "$type needs a default view"
            }
        }
    }

    Context 'With help' {
        It '<_> has a synopsis, a description, described parameters and an example' -ForEach @(
            (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../out/SecretSync/SecretSync.psd1')).CmdletsToExport
        ) {
            $help = Get-Help $_ -Full
            $help.Synopsis | Should -Not -Match '^\s*\S+ \[' -Because 'a generated syntax line means no help was found'
            $help.Synopsis | Should -Not -BeNullOrEmpty
            $help.description.Text | Should -Not -BeNullOrEmpty
            @($help.examples.example).Count | Should -BeGreaterThan 0
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            foreach ($parameter in (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common }) {
                $doc = $help.parameters.parameter | Where-Object Name -EQ $parameter
                $doc | Should -Not -BeNullOrEmpty -Because "-$parameter must be documented"
                $doc.description.Text | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
            }
        }
    }

    Context 'With a fresh pwsh' {
        It 'imports from a bare pwsh without errors' {
            $pwsh = Join-Path $PSHOME 'pwsh.dll'
            $output = & dotnet $pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; (Get-Command -Module SecretSync).Count" 2>&1
            $LASTEXITCODE | Should -Be 0
            [int] ($output | Select-Object -Last 1) | Should -BeGreaterThan 1
        }
    }
}
