using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Records.Configuration;
using SecretSync.Core.Stores.Templates;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Writes a starter secretsync.json: the organisation, the ESC environment, and the .env file and MCP configs found in the folder.</para>
/// <para type="description">New-SophiaSecretConfig is the first step in a project. It writes secretsync.json in -Path (default: the current folder) with githubOrganization and escEnvironment from the parameters, envFiles when ./.env exists, mcpConfigs for the project MCP configs found there (mcp_config.json, .mcp.json, .cursor/mcp.json, .vscode/mcp.json, .zed/settings.json), and an empty "secrets" list: the built-in catalog (Get-SophiaSecretCatalog) applies without being copied, so later corrections to it reach the project; add only the project's own secrets there. The file holds no value and is meant to be committed. An existing secretsync.json is replaced only with -Force (SecretSync.ConfigExists otherwise). The write is atomic. Returns the file.</para>
/// </summary>
/// <example>
/// <code>New-SophiaSecretConfig -Organization ai-cherry -Environment ai-cherry/sophia-production</code>
/// <para>Starts a project in the current folder.</para>
/// </example>
/// <example>
/// <code>New-SophiaSecretConfig -Organization acme -Environment acme/app/dev -Path ../service -WhatIf</code>
/// <para>Shows where the file would be written, writing nothing.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "SophiaSecretConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class NewSophiaSecretConfigCommand : SophiaCmdlet
{
    /// <summary>
    /// <para type="description">The GitHub organisation whose Actions secrets are the source of truth (githubOrganization).</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    [ValidatePattern("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$")]
    public string Organization { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The ESC environment, org/env (project default) or org/project/env (escEnvironment).</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    [ArgumentCompleter(typeof(EscEnvironmentCompleter))]
    [ValidateNotNullOrEmpty]
    public string Environment { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The repository (owner/repo) holding the sync workflow (githubRepository), for Start-SophiaSecretSync and New-SophiaSyncWorkflow. Left out when not given.</para>
    /// </summary>
    [Parameter]
    [ValidatePattern("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?/[A-Za-z0-9._-]{1,100}$")]
    public string? Repository { get; set; }

    /// <summary>
    /// <para type="description">The project folder to write secretsync.json into and to look for .env and MCP configs in. Default: the current folder.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">Replace an existing secretsync.json.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        _ = EnvironmentOption.Parse(this, Environment);
        var folder = Path is null ? CurrentDirectory : Paths.ToFileSystem(Path);
        var path = System.IO.Path.Combine(folder, ProjectConfigLoader.FileName);
        if (!Directory.Exists(folder))
        {
            ThrowTerminatingError(ErrorRecords.FileNotFound(new DirectoryNotFoundException($"{folder} is not a folder: create it first or pass an existing -Path."), folder));
        }

        // Anything at the path (a file, a folder, a link, even a dangling one: its attributes are readable) is the
        // operator's until they say -Force.
        if (!Force && new FileInfo(path).Attributes != (FileAttributes)(-1))
        {
            ThrowTerminatingError(ErrorRecords.ConfigExists(new IOException($"{path} exists. Edit it, or replace it with New-SophiaSecretConfig -Force."), path));
        }

        var text = StarterConfig.Create(folder, Organization, Environment, Repository);
        if (!ShouldProcess(path, "Write a starter secretsync.json"))
        {
            return;
        }

        try
        {
            AtomicFile.WriteAllText(path, text, FileModePolicy.Default);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(ErrorRecords.WriteFailed(e, path));
        }

        WriteObject(new FileInfo(path));
    }
}
