using SecretSync.Core;
using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Stores.Export;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;
using SecretSync.Core.Stores.Mcp.Rewrite;
using SecretSync.Writing;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Rewrites hard-coded secrets in MCP client configs as references in each client's dialect.</para>
/// <para type="description">Update-McpConfig finds secret values written into MCP server configs (env, headers, args, URLs) and replaces exactly those characters with a reference the client expands: ${NAME} for Claude Code (.mcp.json, ~/.claude.json) and other files such as mcp_config.json, ${env:NAME} for Cursor, Windsurf and VS Code. Claude Desktop and Zed expand nothing, so their secrets are reported Unsupported with a hint unless -Syntax is given. The files are -Path, else mcpConfigs of secretsync.json, else the known locations of -Client in -Scope (default Project) that exist. A secret is a known value - from SecretSync.SecretRecord or SecretSync.SyncResult objects piped in, else collected from the environment and .env files like Get-SophiaSecret - or, with -IncludeSuspected, anything that looks like one (token prefixes, entropy, key names); then the project's .env files and ESC environment are read as well, and a suspected secret held in neither is the only copy of a credential: it is kept (KeptOnlyCopy, error SecretSync.OnlyCopy) unless -Force. Existing references are left alone. Only the secret's bytes change: BOM, line endings, comments, trailing commas, key order and indentation stay, the file is replaced atomically keeping its mode, and a second run changes nothing. A malformed file is an error naming line and column and stays untouched. Emits one SecretSync.McpFinding per secret or reference, never a value, and warns when a rewritten file is tracked by git (the value is in its history: rotate it) or a referenced variable is not set.</para>
/// </summary>
/// <example>
/// <code>Update-McpConfig -WhatIf</code>
/// <para>Shows which secrets in the project's MCP configs would become references, without writing.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret -Path .env | Update-McpConfig .cursor/mcp.json, .mcp.json -Backup</code>
/// <para>Replaces the .env values found in the Cursor and Claude Code configs with ${env:NAME} and ${NAME}, keeping a .bak copy of each file.</para>
/// </example>
/// <example>
/// <code>Update-McpConfig -Client ClaudeDesktop -Scope User -Syntax Bare -IncludeSuspected</code>
/// <para>Rewrites known and suspected secrets in the user's Claude Desktop config as ${NAME} (for a launcher that expands them).</para>
/// </example>
/// <example>
/// <code>Update-McpConfig .mcp.json -Launch SecretSync -Environment ai-cherry/sophia-production</code>
/// <para>Makes every stdio server of the file start through Invoke-SophiaCommand with the production environment; Update-McpConfig .mcp.json -Launch Direct undoes it.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecret | Sync-SophiaSecret | Update-McpConfig</code>
/// <para>Syncs the secrets into Pulumi ESC, then rewrites the MCP configs of secretsync.json to reference them by name.</para>
/// </example>
[Cmdlet(VerbsData.Update, "McpConfig", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(McpFinding))]
public sealed class UpdateMcpConfigCommand : SophiaWriteCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private readonly Dictionary<string, string> _knownValues = new(StringComparer.Ordinal);
    private string? _onlyCopyCheckedIn;

    /// <summary>
    /// <para type="description">MCP config files to update. Wildcards are permitted. Default: mcpConfigs of secretsync.json, else the known locations of -Client in -Scope that exist.</para>
    /// </summary>
    [Parameter(Position = 0, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>
    /// <para type="description">MCP config files to update, taken exactly as written: no character is a wildcard (a file named mcp[1].json).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralPath { get; set; }

    /// <summary>
    /// <para type="description">The client whose reference dialect applies: Auto (default) tells it by the file's place and name, anything unknown is Generic (${NAME}). Also limits discovery to that client's locations.</para>
    /// </summary>
    [Parameter]
    public McpClient Client { get; set; } = McpClient.Auto;

    /// <summary>
    /// <para type="description">Where discovery looks when neither -Path nor mcpConfigs is given: Project (the secretsync.json folder or the current location; default) and/or User (the home and application-data folders).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public McpScope[] Scope { get; set; } = [McpScope.Project];

    /// <summary>
    /// <para type="description">Secrets whose values are matched, piped or as an array by name: SecretSync.SecretRecord (Get-SophiaSecret), SecretSync.SyncResult (Sync-SophiaSecret, through its Record) or any object with Name and Value. Without values from the pipeline, the environment and .env files are collected like Get-SophiaSecret.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject?[]? InputObject { get; set; }

    /// <summary>
    /// <para type="description">Forces the reference form: Bare (${NAME}), Env (${env:NAME}) or Input (VS Code ${input:id} plus an inputs entry). Default: the client's own; none for Claude Desktop and Zed.</para>
    /// </summary>
    [Parameter]
    public McpReferenceSyntax? Syntax { get; set; }

    /// <summary>
    /// <para type="description">Also rewrite strings that only look like secrets (token prefixes, high entropy, key names); otherwise they are reported as Suspected.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeSuspected { get; set; }

    /// <summary>
    /// <para type="description">With -IncludeSuspected, also replace a suspected secret whose value is held nowhere else (neither in the project's .env files nor in its ESC environment). The literal is then lost; without -Force it is kept and reported (KeptOnlyCopy).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Copy each file to FILE.bak (replacing an older one, mode 0600) before rewriting it. The copy keeps the hard-coded values, so it is refused where git tracks it, does not ignore it, or cannot tell.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Backup { get; set; }

    /// <summary>
    /// <para type="description">Instead of rewriting secrets: SecretSync makes each stdio server start through Invoke-SophiaCommand (command pwsh, the server's own command and args after it) with the ESC environment of -Environment, for clients that start servers without your shell's environment; Direct undoes it. Only the command and the front of args change; Direct gives the file back byte for byte.</para>
    /// </summary>
    [Parameter]
    public McpLaunch? Launch { get; set; }

    /// <summary>
    /// <para type="description">With -Launch SecretSync: the ESC environment the servers start with, org/env or org/project/env. Default: escEnvironment of secretsync.json.</para>
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(EscEnvironmentCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Environment { get; set; }

    /// <summary>
    /// <para type="description">With -Launch: only these servers (by their key in the config). Wildcards are permitted. All when omitted.</para>
    /// </summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Server { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        foreach (var item in InputObject ?? [])
        {
            Take(item);
        }
    }

    private void Take(PSObject? item)
    {
        var input = RecordFromPipeline(item);
        if (item is not null && (item.BaseObject is string || PipelineSecrets.NameOf(item) is null))
        {
            Reject(item);
        }

        if (input?.RevealValue() is { } plain)
        {
            _knownValues[input.Name] = plain;
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var launch = Launch is { } mode ? new McpLaunchUpdate(this, mode, Environment, Server, Client, Backup) : null;
        var files = McpConfigTargets.Resolve(this, LiteralPath ?? Path, literal: LiteralPath is not null, Client, Scope);
        if (launch is not null)
        {
            files.ToList().ForEach(launch.Update);
            return;
        }

        if (files.Count == 0)
        {
            return;
        }

        WriteVerbose(_knownValues.Count > 0 ? $"Matching the values of {_knownValues.Count} secret(s) from the pipeline." : "No values from the pipeline: collecting from the environment and .env files.");
        var known = _knownValues.Count > 0 ? _knownValues : McpMatchedValues.Collect(this);
        if (IncludeSuspected && !Force)
        {
            known = McpMatchedValues.WithOnlyCopyCheck(this, known, out _onlyCopyCheckedIn);
        }

        foreach (var file in files)
        {
            Update(file, known);
        }
    }

    private void Update(string path, Dictionary<string, string> known)
    {
        try
        {
            PlanAndApply(Plan(path, known), Save, Report);
        }
        catch (SecretSyncException e)
        {
            WriteError(ErrorRecords.From(e, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.McpConfigAccessError(e, path, "Check that the file is readable and its folder writable, then run again; the file was not changed."));
        }
    }

    // The one rewrite of the file: -WhatIf reports it, the apply step writes its text (if the file is unchanged since).
    private WritePlan<McpRewrite> Plan(string path, Dictionary<string, string> known)
    {
        var (bytes, readAs) = FileSnapshot.ReadAllBytes(path);
        var result = Rewrite(McpConfigEncoding.Decode(bytes, path), path, known);
        if (result.Changed && Backup)
        {
            // The copy keeps the hard-coded values the rewrite removes: guarded like an export.
            ExportTargetGuard.ThrowIfCommittable(path + ".bak", "omit -Backup");
        }

        var count = result.Findings.Count(f => f.ActionKind == McpAction.Rewritten);
        return new WritePlan<McpRewrite>(new McpRewrite(result, bytes, readAs), path, $"Rewrite {count} hard-coded secret(s) as references", result.Changed);
    }

    private void Report(WritePlan<McpRewrite> plan, PlanOutcome outcome)
    {
        var findings = plan.Content.Result.Findings;
        if (outcome is PlanOutcome.WhatIf or PlanOutcome.Declined)
        {
            foreach (var finding in findings)
            {
                finding.MarkNotApplied();
            }
        }

        McpTrackedFileWarning.WarnIfTracked(this, plan.Target, findings);
        foreach (var finding in findings)
        {
            WriteTyped(finding, "SecretSync.McpFinding");
            if (finding.ActionKind == McpAction.KeptOnlyCopy)
            {
                WriteError(ErrorRecords.OnlyCopy(new InvalidOperationException($"{finding.File}:{finding.Line}: server '{finding.Server}' holds a suspected secret ({finding.Name}) that exists nowhere else. {finding.Hint}"), finding));
            }
        }
    }

    // Pure CPU work on text already read, so it runs on the pipeline thread (see PipelineReporter).
    private McpRewriteResult Rewrite(string text, string path, Dictionary<string, string> known)
    {
        var options = new McpRewriteOptions
        {
            Syntax = Syntax,
            IncludeSuspected = IncludeSuspected,
            OnlyCopyCheckedIn = _onlyCopyCheckedIn,
            IsVariableSet = name => !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(name)),
        };
        return McpConfigRewriter.Update(text, path, Client, known, options, new PipelineReporter(this));
    }

    private void Save(WritePlan<McpRewrite> plan)
    {
        var (path, rewrite) = (plan.Target, plan.Content);
        if (Backup)
        {
            AtomicFile.WriteAllBytes(path + ".bak", rewrite.Original, FileModePolicy.OwnerOnly);
        }

        AtomicFile.WriteAllBytes(path, McpConfigEncoding.Encode(rewrite.Result.Text), FileModePolicy.KeepExisting, rewrite.ReadAs);
    }

    private void Reject(PSObject input)
    {
        WriteError(ErrorRecords.InvalidInputObject(
            new ArgumentException($"Update-McpConfig takes SecretSync.SecretRecord or SecretSync.SyncResult objects, or objects with Name and Value; got {input.BaseObject.GetType().FullName}. Pass config files with -Path."),
            input));
    }
}
