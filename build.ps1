<#
.SYNOPSIS
    The one entry point of SecretSync: Build, Test, Demo, Bench, Analyze, Package, Clean.
.DESCRIPTION
    Build   assembles out/SecretSync (importable module: manifest, dlls, format file, catalog, MAML help) and
            out/emulator (the loopback ESC + GitHub emulator).
    Test    builds, runs the xunit projects, then Pester against the built module in a fresh pwsh, and ends with
            the line "N passed, M failed". Exits non-zero on any failure.
    Demo    builds and runs the demo in a temporary folder against the emulator.
    Bench   builds and runs bench/*.Bench.ps1, writing bench/RESULTS.md.
    Package builds, then packs out/SecretSync as out/packages/SecretSync.<version>.nupkg for Install-PSResource
            from a file-system or internal repository (tools/New-ModulePackage.ps1).
    Analyze runs dotnet format --verify-no-changes, then PSScriptAnalyzer with PSScriptAnalyzerSettings.psd1 when it
            is installed.
    Clean   removes out/ and every bin/ and obj/.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Analyze', 'Package', 'Clean')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'SecretSync'
$emulatorOut = Join-Path $out 'emulator'
$pwshDll = Join-Path $PSHOME 'pwsh.dll'

# The dlls the module ships. The build fails when the publish output has others (a new dependency must be
# reviewed and added here) or lacks one of these. SecretSync.dll (the cmdlets) and SecretSync.Loader.dll (the entry
# that registers the private load context) sit in the module folder and load into PowerShell's default context;
# everything else sits in dependencies/ and loads into the module's private context (src/SecretSync.Loader), so
# another module's YamlDotNet or Newtonsoft.Json cannot clash with ours.
$cmdletDll = 'SecretSync.dll'
$loaderDll = 'SecretSync.Loader.dll'
$dependencyDlls = @(
    'SecretSync.Core.dll', 'BouncyCastle.Cryptography.dll', 'DotNetEnv.dll', 'Sprache.dll',
    'Microsoft.Extensions.Configuration.dll', 'Microsoft.Extensions.Configuration.Abstractions.dll',
    'Microsoft.Extensions.Primitives.dll', 'Newtonsoft.Json.dll', 'Octokit.dll', 'Polly.Core.dll',
    'Microsoft.Bcl.TimeProvider.dll', 'YamlDotNet.dll'
)
# Facades that pwsh 7.4+ carries in-box: not shipped. Microsoft.Bcl.TimeProvider is shipped: .NET 8 has its types,
# but Polly.Core's netstandard2.0 build names that assembly.
$inBoxDlls = @(
    'Microsoft.Bcl.AsyncInterfaces.dll', 'System.Buffers.dll', 'System.Collections.Concurrent.dll',
    'System.ComponentModel.Annotations.dll', 'System.Diagnostics.DiagnosticSource.dll',
    'System.IO.FileSystem.Primitives.dll', 'System.Linq.dll', 'System.Memory.dll', 'System.Numerics.Vectors.dll',
    'System.Runtime.CompilerServices.Unsafe.dll', 'System.Runtime.Numerics.dll',
    'System.Security.Cryptography.OpenSsl.dll', 'System.Security.Cryptography.Primitives.dll',
    'System.Text.RegularExpressions.dll', 'System.Threading.dll', 'System.Threading.Tasks.Extensions.dll'
)

function Invoke-Native([string] $File, [string[]] $Arguments) {
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Get-ModuleVersion {
    [xml] $props = Get-Content (Join-Path $root 'Directory.Build.props') -Raw
    $props.SelectSingleNode('//ModuleVersion').InnerText
}

function Invoke-Build {
    $publish = Join-Path $out 'publish'
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/SecretSync/SecretSync.csproj'), '-c', $Configuration, '-o', $publish, '--nologo', '-v', 'q')
    $loaderPublish = Join-Path $out 'publish-loader'
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/SecretSync.Loader/SecretSync.Loader.csproj'), '-c', $Configuration, '-o', $loaderPublish, '--nologo', '-v', 'q')
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/SecretSync.Emulator/SecretSync.Emulator.csproj'), '-c', $Configuration, '-o', $emulatorOut, '--nologo', '-v', 'q')

    $published = Get-ChildItem $publish -Filter *.dll | Select-Object -ExpandProperty Name
    $shippedDlls = @($cmdletDll) + $dependencyDlls
    $unexpected = $published | Where-Object { $_ -notin $shippedDlls -and $_ -notin $inBoxDlls }
    $missing = $shippedDlls | Where-Object { $_ -notin $published }
    if ($unexpected -or $missing) {
        throw "The module's dll allow-list in build.ps1 does not match the publish output. Unexpected: $($unexpected -join ', '). Missing: $($missing -join ', ')."
    }

    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $dependencies = Join-Path $moduleOut 'dependencies'
    $null = New-Item -ItemType Directory $moduleOut, $dependencies
    Copy-Item (Join-Path $publish $cmdletDll), (Join-Path $loaderPublish $loaderDll) $moduleOut
    foreach ($dll in $dependencyDlls) { Copy-Item (Join-Path $publish $dll) $dependencies }
    Copy-Item (Join-Path $root 'module/*') $moduleOut -Recurse
    $manifest = Join-Path $moduleOut 'SecretSync.psd1'
    $version = Get-ModuleVersion
    (Get-Content $manifest -Raw) -replace "ModuleVersion(\s*)= '0\.0\.0'", "ModuleVersion`$1= '$version'" | Set-Content $manifest -NoNewline

    Invoke-Native dotnet @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tools/New-ModuleHelp.ps1'),
        '-ModulePath', $manifest, '-XmlDocPath', (Join-Path $publish 'SecretSync.xml'),
        '-OutputPath', (Join-Path $moduleOut 'en-US/SecretSync.dll-Help.xml'))
    Write-Host "Built $moduleOut ($version) and $emulatorOut"
}

function Get-TrxCounts([string] $Directory) {
    $passed = 0; $failed = 0
    foreach ($trx in Get-ChildItem $Directory -Filter *.trx -Recurse) {
        [xml] $doc = Get-Content $trx.FullName -Raw
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Get-PesterModulePath {
    Invoke-Native dotnet @('restore', (Join-Path $root 'tools/Pester.csproj'), '--nologo', '-v', 'q')
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $path = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $path)) { throw "Pester was restored but $path is missing." }
    $path
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $failures = 0
    foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Filter *.csproj -Recurse) {
        & dotnet test $project.FullName -c $Configuration --nologo --logger 'trx' --logger 'console;verbosity=minimal' --results-directory (Join-Path $results $project.BaseName)
        if ($LASTEXITCODE -ne 0) { $failures++ }
    }
    $xunit = Get-TrxCounts $results
    if ($failures -and $xunit.Failed -eq 0) { $xunit.Failed = $failures }  # a test project that failed to build or run counts

    $pesterJson = Join-Path $results 'pester.json'
    & dotnet $pwshDll -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterSuite.ps1') -PesterPath (Get-PesterModulePath) -ResultPath $pesterJson
    $pesterExit = $LASTEXITCODE
    # Fail closed: no counts, or counts that are not numbers, are a failure of the run, never "0 failed".
    $pester = [pscustomobject]@{ Passed = 0; Failed = 1 }
    if (Test-Path $pesterJson) {
        $read = Get-Content $pesterJson -Raw | ConvertFrom-Json
        if ($read.Passed -is [long] -or $read.Passed -is [int]) {
            if ($read.Failed -is [long] -or $read.Failed -is [int]) { $pester = $read }
        }
    }
    if ($pesterExit -ne 0 -and $pester.Failed -eq 0) { $pester.Failed = 1 }  # the suite itself broke

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-Native dotnet @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tools/Demo.ps1'), '-Root', $root)
}

function Invoke-Bench {
    Invoke-Build
    Invoke-Native dotnet @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'bench/Invoke-Benchmarks.ps1'), '-Root', $root)
}

function Invoke-Package {
    Invoke-Build
    Invoke-Native dotnet @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tools/New-ModulePackage.ps1'),
        '-ModulePath', $moduleOut, '-DestinationPath', (Join-Path $out 'packages'))
}

function Invoke-Analyze {
    # C# style (the .editorconfig rules) is checked by the SDK's own formatter, which is always there.
    Invoke-Native dotnet @('format', (Join-Path $root 'SecretSync.sln'), '--verify-no-changes')
    Write-Host 'dotnet format: no changes needed.'
    if (-not (Get-Module -ListAvailable PSScriptAnalyzer)) {
        Write-Host 'Analyze skipped: PSScriptAnalyzer is not installed (it comes only from the PowerShell Gallery, which is not reachable here).'
        return
    }
    $settings = Join-Path $root 'PSScriptAnalyzerSettings.psd1'
    $findings = foreach ($path in 'build.ps1', 'module', 'tests', 'tools', 'bench', 'examples') {
        Invoke-ScriptAnalyzer -Path (Join-Path $root $path) -Recurse -Settings $settings
    }
    $findings | Format-Table -AutoSize
    if ($findings) { exit 1 }
}

function Invoke-Clean {
    if (Test-Path $out) { Remove-Item $out -Recurse -Force }
    Get-ChildItem $root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
        'Analyze' { Invoke-Analyze }
        'Package' { Invoke-Package }
        'Clean' { Invoke-Clean }
    }
} finally {
    Pop-Location
}
