# Runs the BUILT module in a child pwsh, for what one process cannot show about itself: a prompt to answer after
# editing a file, a process killed mid-write, a call that may hang. Dot-source after common.ps1.

# Runs $Command (which may use -Confirm) in a child pwsh in $WorkingDirectory. When the confirmation prompt appears,
# runs $OnPrompt, then answers Yes. Returns the child's output (both streams) as one string.
function Invoke-AtConfirmPrompt([string] $Command, [string] $WorkingDirectory, [scriptblock] $OnPrompt, [int] $TimeoutSeconds = 120) {
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-Command', "Import-Module '$ModuleManifest'; $Command")) {
        $start.ArgumentList.Add($argument)
    }
    $start.WorkingDirectory = $WorkingDirectory
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($start)
    try {
        $errors = $process.StandardError.ReadToEndAsync()
        $seen = [Text.StringBuilder]::new()
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        while ($true) {
            $line = $process.StandardOutput.ReadLineAsync()
            if (-not $line.Wait([Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds))) { throw "No confirmation prompt within $TimeoutSeconds s: $seen" }
            if ($null -eq $line.Result) { throw "The child ended without a confirmation prompt: $seen $($errors.Result)" }
            $null = $seen.AppendLine($line.Result)
            if ($line.Result -like '`[Y`] Yes*') { break }
        }
        & $OnPrompt
        $process.StandardInput.WriteLine('Y')
        $process.StandardInput.Close()
        $rest = $process.StandardOutput.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { throw "The child did not end within $TimeoutSeconds s: $seen" }
        $seen.ToString() + $rest.Result + $errors.Result
    } finally {
        if (-not $process.HasExited) { $process.Kill($true) }
        $process.Dispose()
    }
}

# Runs $Command in a child pwsh and kills it after $TimeoutSeconds. Returns ExitCode (null when killed), TimedOut, Output.
function Invoke-ChildPwsh([string] $Command, [string] $WorkingDirectory, [int] $TimeoutSeconds = 120) {
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$ModuleManifest'; $Command")) {
        $start.ArgumentList.Add($argument)
    }
    $start.WorkingDirectory = $WorkingDirectory
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($start)
    try {
        $output = $process.StandardOutput.ReadToEndAsync()
        $errors = $process.StandardError.ReadToEndAsync()
        $finished = $process.WaitForExit($TimeoutSeconds * 1000)
        if (-not $finished) { $process.Kill($true); $process.WaitForExit() }
        [pscustomobject]@{
            ExitCode = if ($finished) { $process.ExitCode } else { $null }
            TimedOut = -not $finished
            Output   = $output.Result + $errors.Result
        }
    } finally { $process.Dispose() }
}

# A folder holding a fake `git` that prints $Message to stderr and exits with $ExitCode, for PATH.
function New-FakeGit([string] $Folder, [string] $Message, [int] $ExitCode) {
    $null = New-Item -ItemType Directory -Force $Folder
    $script = Join-Path $Folder 'git'
    Set-Content -LiteralPath $script -Value "#!/bin/sh`nprintf '%s\n' `"$Message`" >&2`nexit $ExitCode"
    chmod +x $script
    $Folder
}
