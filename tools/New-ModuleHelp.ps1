<#
.SYNOPSIS
    Writes the MAML help of the compiled cmdlets (en-US/SecretSync.dll-Help.xml) from their C# XML doc comments.
.DESCRIPTION
    PlatyPS is not available here, so the build makes the MAML itself. Runs in a fresh pwsh (the module is imported to
    read each cmdlet's parameter metadata). The doc comments follow the XmlDoc2CmdletDoc convention:
    <para type="synopsis">, <para type="description"> and <example><code/><para/></example> on the class, and
    <para type="description"> on each parameter property.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $XmlDocPath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module $ModulePath -PassThru
[xml] $docs = Get-Content -LiteralPath $XmlDocPath -Raw
$members = @{}
foreach ($member in $docs.doc.members.member) { $members[$member.name] = $member }

function Get-Para([System.Xml.XmlNode] $node, [string] $type) {
    if (-not $node) { return @() }
    @($node.SelectNodes(".//para[@type='$type']") | ForEach-Object { ($_.InnerText -replace '\s+', ' ').Trim() })
}

$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$maml = 'http://schemas.microsoft.com/maml/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutputPath)
$w = [System.Xml.XmlWriter]::Create($OutputPath, $settings)

function Write-Paras([string[]] $paras) {
    $w.WriteStartElement('maml', 'description', $maml)
    foreach ($p in $paras) { $w.WriteElementString('maml', 'para', $maml, $p) }
    $w.WriteEndElement()
}

function Write-Parameter($parameter, $setParameter, $description) {
    $pipeline = @(
        if ($setParameter.ValueFromPipeline) { 'ByValue' }
        if ($setParameter.ValueFromPipelineByPropertyName) { 'ByPropertyName' }
    )
    $w.WriteStartElement('command', 'parameter', $command)
    $w.WriteAttributeString('required', $setParameter.IsMandatory.ToString().ToLowerInvariant())
    $globbing = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $w.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
    $w.WriteAttributeString('position', $(if ($setParameter.Position -ge 0) { [string] $setParameter.Position } else { 'named' }))
    $w.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $maml, $parameter.Name)
    Write-Paras $description
    if ($parameter.SwitchParameter) {
        $typeName = 'SwitchParameter'
    } else {
        $typeName = $parameter.ParameterType.Name
        $w.WriteStartElement('command', 'parameterValue', $command)
        $w.WriteAttributeString('required', 'true')
        $w.WriteString($typeName)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $dev)
    $w.WriteElementString('maml', 'name', $maml, $parameter.ParameterType.FullName)
    $w.WriteEndElement()
    $w.WriteEndElement()
}

$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')
foreach ($cmdlet in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $type = $cmdlet.ImplementingType
    $classDoc = $members["T:$($type.FullName)"]
    if (-not $classDoc) { throw "$($cmdlet.Name): no XML doc comment on $($type.FullName)" }
    $synopsis = Get-Para $classDoc 'synopsis'
    if (-not $synopsis) { throw "$($cmdlet.Name): the class doc comment needs <para type=`"synopsis`">" }
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

    $w.WriteStartElement('command', 'command', $command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $w.WriteStartElement('command', 'details', $command)
    $w.WriteElementString('command', 'name', $command, $cmdlet.Name)
    Write-Paras $synopsis
    $w.WriteElementString('command', 'verb', $command, $cmdlet.Verb)
    $w.WriteElementString('command', 'noun', $command, $cmdlet.Noun)
    $w.WriteEndElement()
    Write-Paras (Get-Para $classDoc 'description')

    $paramDescriptions = @{}
    foreach ($parameter in $cmdlet.Parameters.Values | Where-Object Name -NotIn $common) {
        $doc = $members["P:$($type.FullName).$($parameter.Name)"]
        $text = Get-Para $doc 'description'
        if (-not $text) { throw "$($cmdlet.Name) -$($parameter.Name): the property needs <para type=`"description`">" }
        $paramDescriptions[$parameter.Name] = $text
    }

    $w.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmdlet.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $command)
        $w.WriteElementString('maml', 'name', $maml, $cmdlet.Name)
        foreach ($p in $set.Parameters | Where-Object Name -NotIn $common) {
            Write-Parameter $cmdlet.Parameters[$p.Name] $p $paramDescriptions[$p.Name]
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $command)
    foreach ($name in $paramDescriptions.Keys | Sort-Object) {
        $parameter = $cmdlet.Parameters[$name]
        $setParameter = $cmdlet.ParameterSets.Parameters | Where-Object Name -EQ $name | Select-Object -First 1
        Write-Parameter $parameter $setParameter $paramDescriptions[$name]
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'returnValues', $command)
    foreach ($output in $cmdlet.OutputType) {
        $w.WriteStartElement('command', 'returnValue', $command)
        $w.WriteStartElement('dev', 'type', $dev)
        $w.WriteElementString('maml', 'name', $maml, $output.Name)
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $command)
    $i = 0
    foreach ($example in $classDoc.SelectNodes('example')) {
        $i++
        $w.WriteStartElement('command', 'example', $command)
        $w.WriteElementString('maml', 'title', $maml, "-------------------------- Example $i --------------------------")
        $w.WriteElementString('dev', 'code', $dev, $example.SelectSingleNode('code').InnerText.Trim())
        $w.WriteStartElement('dev', 'remarks', $dev)
        foreach ($para in $example.SelectNodes('para')) { $w.WriteElementString('maml', 'para', $maml, ($para.InnerText -replace '\s+', ' ').Trim()) }
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    if ($i -eq 0) { throw "$($cmdlet.Name): the class doc comment needs at least one <example>" }
    $w.WriteEndElement()
    $w.WriteEndElement()
}
$w.WriteEndElement()
$w.Dispose()
