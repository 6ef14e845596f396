namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The PowerShell of the generated workflow's steps. Every literal is quoted with <see cref="Quote.Pwsh"/> and no
/// script contains a GitHub expression: values reach scripts only as environment variables, never as text.
/// </summary>
internal static class SyncWorkflowScripts
{
    /// <summary>Makes a failing git or dotnet fail the step; pwsh steps otherwise only look at the last exit code.</summary>
    private const string StopOnNativeFailure = "$PSNativeCommandUseErrorActionPreference = $true";

    /// <summary>The name the organisation's repository is registered under on the runner.</summary>
    private const string InternalRepository = "SecretSyncInternal";

    /// <summary>Installs exactly <see cref="SyncWorkflowInputs.ModuleVersion"/> ("[x]" is an exact NuGet version range, never a minimum).</summary>
    public static IReadOnlyList<string> Install(SyncWorkflowInputs inputs)
    {
        var version = " -Version " + Quote.Pwsh("[" + inputs.ModuleVersion + "]");
        return inputs.ModuleSource == ModuleSource.Repository
            ?
            [
                "Register-PSResourceRepository -Name " + InternalRepository + " -Uri " + Quote.Pwsh(inputs.RepositoryUri!) + " -Trusted",
                "Install-PSResource -Name SecretSync -Repository " + InternalRepository + version,
            ]
            : ["Install-PSResource -Name SecretSync -Repository PSGallery" + version + " -TrustRepository"];
    }

    public static IReadOnlyList<string> Build() =>
    [
        StopOnNativeFailure,
        "dotnet tool restore",
        "dotnet pwsh ./build.ps1 -Task Build",
    ];

    public static IReadOnlyList<string> Sync(SyncWorkflowInputs inputs)
    {
        var lines = new List<string>
        {
            Import(inputs),
            "# Nothing below prints a value: records are kept in variables and the summary lists names and actions.",
            "$records = @(Get-SophiaSecret -Source Environment)",
            // -Force: the first run creates the environment; CI cannot answer a prompt.
            "$synced = @($records | Sync-SophiaSecret -Environment " + Quote.Pwsh(inputs.EscEnvironment) + " -Force)",
        };
        if (inputs.McpConfigPaths.Count > 0)
        {
            lines.Add("$mcp = @($records | Update-McpConfig -Path " + string.Join(", ", inputs.McpConfigPaths.Select(Quote.Pwsh)) + ")");
        }

        lines.Add("$summary = @(");
        lines.Add("    " + Quote.Pwsh("### Secrets synced to " + inputs.EscEnvironment));
        lines.Add("    ''");
        lines.Add("    '| Secret | Action |'");
        lines.Add("    '| --- | --- |'");
        lines.Add("    $synced | ForEach-Object { \"| $($_.Name) | $($_.Action) |\" }");
        if (inputs.McpConfigPaths.Count > 0)
        {
            lines.Add("    ''");
            lines.Add("    '### MCP configs'");
            lines.Add("    ''");
            lines.Add("    '| File | Secret | Action |'");
            lines.Add("    '| --- | --- | --- |'");
            lines.Add("    $mcp | ForEach-Object { \"| $($_.File) | $($_.Name) | $($_.Action) |\" }");
        }

        lines.Add(")");
        lines.Add("$summary | Out-File -LiteralPath $env:GITHUB_STEP_SUMMARY -Append -Encoding utf8");
        return lines;
    }

    /// <summary>
    /// The sync step of a many-environment workflow: <paramref name="target"/> is a quoted name or
    /// <c>$env:SECRETSYNC_TARGET</c> (the matrix entry arrives as a variable, never as text in the script).
    /// </summary>
    public static IReadOnlyList<string> SyncTarget(SyncWorkflowInputs inputs, string target) =>
    [
        Import(inputs),
        "# Nothing below prints a value: records are kept in variables and the summary lists names and actions.",
        "$records = @(Get-SophiaSecret -Source Environment)",
        // -Force: the first run creates the environment; CI cannot answer a prompt. A failed environment fails the step.
        "$synced = @($records | Sync-SophiaSecret -Environment " + target + " -Force)",
        "$summary = @(",
        "    \"### Secrets synced to $(" + target + ")\"",
        "    ''",
        "    '| Environment | Secret | Action |'",
        "    '| --- | --- | --- |'",
        "    $synced | ForEach-Object { \"| $($_.Environment) | $($_.Name) | $($_.Action) |\" }",
        ")",
        "$summary | Out-File -LiteralPath $env:GITHUB_STEP_SUMMARY -Append -Encoding utf8",
    ];

    public static IReadOnlyList<string> Template(SyncWorkflowInputs inputs) =>
    [
        Import(inputs),
        "New-SophiaEnvTemplate -Path " + Quote.Pwsh(inputs.TemplatePath),
    ];

    /// <summary>Commits only the template and the MCP configs (files of names and references), never a .env file.</summary>
    public static IReadOnlyList<string> Commit(SyncWorkflowInputs inputs)
    {
        var paths = new[] { inputs.TemplatePath }.Concat(inputs.McpConfigPaths).Select(Quote.Pwsh);
        return
        [
            StopOnNativeFailure,
            "$paths = @(@(" + string.Join(", ", paths) + ") | Where-Object { Test-Path -LiteralPath $_ })",
            "if (-not $paths) { 'No configuration files to commit.'; exit 0 }",
            "git add -- @paths",
            "$changed = @(git diff --cached --name-only -- @paths)",
            "if (-not $changed) { 'Configuration files are up to date.'; exit 0 }",
            "git config user.name 'github-actions[bot]'",
            "git config user.email '41898282+github-actions[bot]@users.noreply.github.com'",
            "git commit --message 'Update .env.template and MCP configs from the secret sync'",
            "git push origin \"HEAD:refs/heads/$env:GITHUB_REF_NAME\"",
            "@('', '### Committed', '') + ($changed | ForEach-Object { \"- $_\" }) | Out-File -LiteralPath $env:GITHUB_STEP_SUMMARY -Append -Encoding utf8",
        ];
    }

    private static string Import(SyncWorkflowInputs inputs) =>
        inputs.ModuleSource == ModuleSource.Path
            ? "Import-Module (Join-Path $env:GITHUB_WORKSPACE 'out/SecretSync/SecretSync.psd1')"
            : "Import-Module SecretSync -RequiredVersion " + Quote.Pwsh(inputs.ModuleVersion!);
}
