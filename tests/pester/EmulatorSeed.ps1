# Test helpers over the emulator's API: seed ESC environments and GitHub secrets, read the request log, inject faults.
# Dot-source after Emulator.ps1 and common.ps1 (sealing uses the built module's SealedBox).

function Reset-Emulator([pscustomobject] $Emulator) {
    $null = Invoke-EmulatorApi $Emulator /_emulator/reset -Method POST
}

function Get-EmulatorRequest([pscustomobject] $Emulator) {
    @((Invoke-EmulatorApi $Emulator /_emulator/requests).Body)
}

function Clear-EmulatorRequest([pscustomobject] $Emulator) {
    $null = Invoke-EmulatorApi $Emulator /_emulator/requests -Method DELETE
}

function Add-EmulatorFault([pscustomobject] $Emulator, [hashtable] $Fault) {
    $null = Invoke-EmulatorApi $Emulator /_emulator/faults -Method POST -Body $Fault
}

function Clear-EmulatorFault([pscustomobject] $Emulator) {
    $null = Invoke-EmulatorApi $Emulator /_emulator/faults -Method DELETE
}

# Moves the emulator's time (what it stamps on revisions, secrets and runs) by $Offset from now; Reset-Emulator sets
# it back. A test makes "ten days ago" this way instead of sleeping, so a slow machine cannot change what it sees.
function Set-EmulatorClock([pscustomobject] $Emulator, [timespan] $Offset) {
    $null = Invoke-EmulatorApi $Emulator /_emulator/clock -Method POST -Body @{ offsetSeconds = $Offset.TotalSeconds }
}

function New-EmulatorEscEnvironment([pscustomobject] $Emulator, [string] $Environment, [string] $Yaml) {
    $org, $project, $name = $Environment -split '/'
    $created = Invoke-EmulatorApi $Emulator "/api/esc/environments/$org" -Method POST -Body @{ project = $project; name = $name }
    if ($created.StatusCode -ge 300) { throw "create $Environment answered $($created.StatusCode)" }
    if ($Yaml) {
        $patched = Invoke-EmulatorApi $Emulator "/api/esc/environments/$Environment" -Method PATCH -Body $Yaml
        if ($patched.StatusCode -ge 300) { throw "PATCH $Environment answered $($patched.StatusCode): $($patched.Body | ConvertTo-Json -Depth 8)" }
    }
}

function Get-EmulatorEscDefinition([pscustomobject] $Emulator, [string] $Environment) {
    $response = Invoke-WebRequest -Uri "$($Emulator.Url)/api/esc/environments/$Environment" -Headers @{ Authorization = "token $($Emulator.Token)" }
    [System.Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray())
}

function Get-EmulatorEscRevision([pscustomobject] $Emulator, [string] $Environment) {
    $response = Invoke-WebRequest -Uri "$($Emulator.Url)/api/esc/environments/$Environment" -Headers @{ Authorization = "token $($Emulator.Token)" }
    [int] "$($response.Headers['Pulumi-ESC-Revision'])"
}

function Open-EmulatorEscEnvironment([pscustomobject] $Emulator, [string] $Environment) {
    $headers = @{ Authorization = "token $($Emulator.Token)" }
    $id = (Invoke-RestMethod -Method POST -Uri "$($Emulator.Url)/api/esc/environments/$Environment/open?duration=2h0m0s" -Headers $headers).id
    (Invoke-WebRequest -Uri "$($Emulator.Url)/api/esc/environments/$Environment/open/$id" -Headers $headers).Content | ConvertFrom-Json -AsHashtable
}

function Set-EmulatorGitHubSecret([pscustomobject] $Emulator, [string] $Organization, [string[]] $Name, [string] $Value = 'seeded-value') {
    $key = (Invoke-EmulatorApi $Emulator "/api/v3/orgs/$Organization/actions/secrets/public-key").Body
    foreach ($secret in $Name) {
        $body = @{ encrypted_value = ([SecretSync.Core.Records.Secrets.SecretRecord].Assembly.GetType('SecretSync.Core.Stores.GitHub.Crypto.SealedBox'))::SealToBase64($Value, $key.key); key_id = $key.key_id; visibility = 'all' }
        $put = Invoke-EmulatorApi $Emulator "/api/v3/orgs/$Organization/actions/secrets/$secret" -Method PUT -Body $body
        if ($put.StatusCode -ge 300) { throw "PUT $secret answered $($put.StatusCode)" }
    }
}

function Get-EmulatorGitHubSecretValue([pscustomobject] $Emulator, [string] $Organization, [string] $Name) {
    $response = Invoke-WebRequest -Uri "$($Emulator.Url)/_emulator/github/orgs/$Organization/secrets/$Name/value" -SkipHttpErrorCheck
    if ($response.StatusCode -ne 200) { return $null }
    $body = [System.Text.Encoding]::UTF8.GetString($response.RawContentStream.ToArray())
    if ($response.Headers['Content-Type'] -like 'application/json*') { ($body | ConvertFrom-Json).value } else { $body }
}

function Add-EmulatorWorkflow([pscustomobject] $Emulator, [string] $Repository, [string[]] $Workflow = 'unified-secret-sync.yml') {
    # GitHub answers 404 for a workflow file the repository does not have: declare the ones a test dispatches.
    $owner, $name = $Repository -split '/'
    $added = Invoke-EmulatorApi $Emulator /_emulator/github/repos -Method POST -Body @{ owner = $owner; name = $name; workflows = @($Workflow) }
    if ($added.StatusCode -ge 300) { throw "declaring $Workflow in $Repository answered $($added.StatusCode)" }
}
