using SecretSync.Commands;
using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;
using SecretSync.Core.Stores.Mcp.Rewrite;
using SecretSync.Writing;

namespace SecretSync;

/// <summary>Update-McpConfig -Launch: wraps or unwraps the servers of each file, writing it atomically with its mode kept.</summary>
internal sealed class McpLaunchUpdate
{
    private readonly SophiaWriteCmdlet _cmdlet;
    private readonly McpLaunch _mode;
    private readonly string? _environment;
    private readonly WildcardFilter _servers;
    private readonly McpClient _client;
    private readonly bool _backup;

    public McpLaunchUpdate(SophiaWriteCmdlet cmdlet, McpLaunch mode, string? environment, string[]? servers, McpClient client, bool backup)
    {
        _cmdlet = cmdlet;
        _mode = mode;
        _servers = WildcardFilter.Create(servers);
        _client = client;
        _backup = backup;
        if (mode == McpLaunch.SecretSync)
        {
            var reference = EnvironmentOption.Parse(cmdlet, environment)
                ?? (cmdlet.Context.Config.EscEnvironment is not null ? SecretCollector.DefaultEnvironment(cmdlet.Context.Config) : null);
            if (reference is null)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.EnvironmentRequired(
                    new ArgumentException("-Launch SecretSync needs the ESC environment the servers start with: pass -Environment org/[project/]env or set \"escEnvironment\" in secretsync.json."),
                    null));
            }

            _environment = reference!.ToString();
        }
    }

    public void Update(string path)
    {
        try
        {
            // One rewrite: -WhatIf reports its changes as planned, the apply step writes its text.
            var text = McpConfigEncoding.Decode(File.ReadAllBytes(path), path);
            var (updated, changes) = _mode == McpLaunch.SecretSync
                ? McpLaunchRewriter.Wrap(text, path, _client, _environment!, _servers.IsMatch)
                : McpLaunchRewriter.Unwrap(text, path, _client, _servers.IsMatch);
            var action = _mode == McpLaunch.SecretSync ? $"Start {changes.Count} server(s) through Invoke-SophiaCommand with {_environment}" : $"Start {changes.Count} server(s) with their own command again";
            var plan = new WritePlan<string>(updated, path, action, updated != text);
            _cmdlet.PlanAndApply(plan, Save, (_, outcome) => Report(changes, outcome));
        }
        catch (McpConfigParseException e)
        {
            _cmdlet.WriteError(ErrorRecords.From(e, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _cmdlet.WriteError(ErrorRecords.McpConfigAccessError(e, path, "Check that the file is readable and its folder writable, then run again; the file was not changed."));
        }
    }

    private void Save(WritePlan<string> plan)
    {
        if (_backup)
        {
            File.Copy(plan.Target, plan.Target + ".bak", overwrite: true);
        }

        AtomicFile.WriteAllBytes(plan.Target, McpConfigEncoding.Encode(plan.Content), FileModePolicy.KeepExisting);
    }

    private void Report(System.Collections.Generic.IReadOnlyList<McpLaunchChange> changes, PlanOutcome outcome)
    {
        foreach (var change in changes)
        {
            if (outcome is PlanOutcome.WhatIf or PlanOutcome.Declined)
            {
                change.MarkNotApplied();
            }

            _cmdlet.WriteTyped(change, "SecretSync.McpLaunchChange");
        }
    }
}
