BeforeAll {
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

    Context 'With Core''s public surface' {
        It 'makes public only the Core types the cmdlets use (and the few scripts build with)' {
            # Core's public types are the module's contract: those the cmdlet assembly names, those their public
            # members expose, and the ones tests/bench reach by name. Everything else is internal (issue 16).
            $core = [SecretSync.Core.Records.Secrets.SecretRecord].Assembly
            $byScript = 'SecretSync.Core.Stores.GitHub.Crypto.SealedBox', 'SecretSync.Core.Stores.Esc.EscEdit', 'SecretSync.Core.Stores.Esc.Yaml.EscDefinitionEditor'
            $cmdletDll = (Get-Module SecretSync).ImplementingAssembly.Location
            $stream = [IO.File]::OpenRead($cmdletDll)
            try {
                $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
                $named = foreach ($handle in $reader.TypeReferences) {
                    $ref = $reader.GetTypeReference($handle)
                    $scope = $ref.ResolutionScope
                    if ($scope.Kind -eq 'AssemblyReference' -and $reader.GetString($reader.GetAssemblyReference($scope).Name) -eq 'SecretSync.Core') {
                        $core.GetType($reader.GetString($ref.Namespace) + '.' + $reader.GetString($ref.Name))
                    }
                }
            } finally {
                $stream.Dispose()
            }
            $reached = [Collections.Generic.HashSet[type]]::new()
            $queue = [Collections.Generic.Queue[type]]::new()
            foreach ($type in @($named) + @($byScript | ForEach-Object { $core.GetType($_) })) { $queue.Enqueue($type) }
            $flags = [Reflection.BindingFlags] 'Public, Instance, Static, DeclaredOnly'
            while ($queue.Count -gt 0) {
                $type = $queue.Dequeue()
                if ($null -eq $type) { continue }
                if ($type.HasElementType) { $queue.Enqueue($type.GetElementType()); continue }
                if ($type.IsGenericType -and -not $type.IsGenericTypeDefinition) { $type.GetGenericArguments() | ForEach-Object { $queue.Enqueue($_) }; continue }
                if ($type.Assembly -ne $core -or -not $reached.Add($type)) { continue }
                $queue.Enqueue($type.BaseType)
                $type.GetInterfaces() | ForEach-Object { $queue.Enqueue($_) }
                $type.GetNestedTypes([Reflection.BindingFlags]::Public) | ForEach-Object { $queue.Enqueue($_) }
                foreach ($member in $type.GetMembers($flags)) {
                    switch ($member.MemberType) {
                        'Property' { $queue.Enqueue($member.PropertyType) }
                        'Field' { $queue.Enqueue($member.FieldType) }
                        'Event' { $queue.Enqueue($member.EventHandlerType) }
                        { $_ -in 'Method', 'Constructor' } {
                            if ($member.MemberType -eq 'Method') { $queue.Enqueue($member.ReturnType) }
                            $member.GetParameters() | ForEach-Object { $queue.Enqueue($_.ParameterType) }
                        }
                    }
                }
            }
            $surplus = @($core.GetExportedTypes() | Where-Object { -not $reached.Contains($_) } | ForEach-Object FullName | Sort-Object)
            $surplus | Should -BeNullOrEmpty -Because "public Core types that no cmdlet uses should be internal ($($surplus.Count))"
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
