using System;
using System.IO;
using System.Management.Automation;
using SecretSync.Commands;
using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;
using SecretSync.Core.Stores.Mcp.Rewrite;

namespace SecretSync;

/// <summary>Update-McpConfig -Launch: wraps or unwraps the servers of each file, writing it atomically with its mode kept.</summary>
internal sealed class McpLaunchUpdate
{
    private readonly SophiaCmdlet _cmdlet;
    private readonly McpLaunch _mode;
    private readonly string? _environment;
    private readonly WildcardFilter _servers;
    private readonly McpClient _client;
    private readonly bool _backup;

    public McpLaunchUpdate(SophiaCmdlet cmdlet, McpLaunch mode, string? environment, string[]? servers, McpClient client, bool backup)
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
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new ArgumentException("-Launch SecretSync needs the ESC environment the servers start with: pass -Environment org/[project/]env or set \"escEnvironment\" in secretsync.json."),
                    "SecretSync.EnvironmentRequired",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            _environment = reference!.ToString();
        }
    }

    public void Update(string path)
    {
        try
        {
            var text = McpConfigEncoding.Decode(File.ReadAllBytes(path), path);
            var (updated, changes) = Rewrite(text, path, whatIf: false);
            var verb = _mode == McpLaunch.SecretSync ? $"Start {changes.Count} server(s) through Invoke-SophiaCommand with {_environment}" : $"Start {changes.Count} server(s) with their own command again";
            if (updated != text)
            {
                if (_cmdlet.ShouldProcess(path, verb))
                {
                    if (_backup)
                    {
                        File.Copy(path, path + ".bak", overwrite: true);
                    }

                    AtomicFile.WriteAllBytes(path, McpConfigEncoding.Encode(updated), FileModePolicy.KeepExisting);
                }
                else
                {
                    changes = Rewrite(text, path, whatIf: true).Changes;
                }
            }

            foreach (var change in changes)
            {
                _cmdlet.WriteTyped(change, "SecretSync.McpLaunchChange");
            }
        }
        catch (McpConfigParseException e)
        {
            _cmdlet.WriteError(ErrorRecords.From(e, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _cmdlet.WriteError(ErrorRecords.Create(e, "SecretSync.McpConfigAccessError", ErrorCategory.WriteError, path, "Check that the file is readable and its folder writable, then run again; the file was not changed."));
        }
    }

    private (string Text, System.Collections.Generic.IReadOnlyList<McpLaunchChange> Changes) Rewrite(string text, string path, bool whatIf) =>
        _mode == McpLaunch.SecretSync
            ? McpLaunchRewriter.Wrap(text, path, _client, _environment!, _servers.IsMatch, whatIf)
            : McpLaunchRewriter.Unwrap(text, path, _client, _servers.IsMatch, whatIf);
}
