using System.Security;
using SecretSync.Core;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Sources.Collectors;
using SecretSync.Core.Stores.Run;

namespace SecretSync;

/// <summary>Reads the variables Invoke-SophiaCommand runs with: one open of an ESC environment, or .env files.</summary>
internal sealed class RunEnvironmentLoader
{
    private readonly SophiaCmdlet _cmdlet;

    public RunEnvironmentLoader(SophiaCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>The variables, limited to <paramref name="names"/>; any failure stops the command.</summary>
    public RunEnvironment Load(SecretSource source, string[] environment, string[]? paths, bool literal, SecureString? token, string[]? names)
    {
        var loaded = source == SecretSource.DotEnv ? FromDotEnv(paths, literal) : FromEsc(environment, token);
        var filter = WildcardFilter.Create(names);
        var kept = loaded.Where(filter.IsMatch);
        foreach (var missing in filter.LiteralsNotMatched(loaded.Variables.Select(v => v.Name)))
        {
            _cmdlet.WriteWarning($"{missing} is not exported by the environment; the command runs without it.");
        }

        return kept;
    }

    private RunEnvironment FromEsc(string[] environments, SecureString? token)
    {
        var references = EnvironmentOption.References(_cmdlet, environments, _cmdlet.Context.Config) ?? [];
        try
        {
            var endpoint = _cmdlet.Services.EscEndpoint(token);
            return _cmdlet.Run(async (reporter, cancellation) =>
            {
                var opened = new List<RunEnvironment>();
                foreach (var reference in references)
                {
                    reporter.Verbose($"Opening ESC environment {reference} at {endpoint.Host}.");
                    opened.Add(await RunEnvironment.OpenAsync(ServiceClients.Esc(endpoint, reporter), reference, cancellation).ConfigureAwait(false));
                }

                return RunEnvironment.Merge(opened);
            });
        }
        catch (SecretSyncException e)
        {
            _cmdlet.Fail(e, string.Join(", ", references));
            throw;
        }
    }

    private RunEnvironment FromDotEnv(string[]? paths, bool literal)
    {
        var files = paths is null ? null : _cmdlet.Paths.Existing(paths, literal, stopOnError: true);
        var records = _cmdlet.CollectRecords(new CollectOptions { Sources = [SecretSource.DotEnv], DotEnvFiles = files }, paths?.FirstOrDefault());
        return RunEnvironment.FromRecords(records);
    }
}
