using System.Collections;
using System.Management.Automation.Language;
using SecretSync.Core;
using SecretSync.Core.Records.Configuration;

namespace SecretSync;

/// <summary>
/// Completes -Environment with the target names of secretsync.json (dev, staging, shared), then the ESC environments
/// the token can see (secretsync.json's first). Completion must
/// never hang a prompt or show an error, so the listing is bounded to a few seconds and failures complete nothing.
/// </summary>
public sealed class EscEnvironmentCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = wordToComplete.Trim('\'', '"');
        var names = new List<string>();
        var config = CompletionContext.Config();
        var targets = config is null ? [] : EnvironmentTargets.Configured(config);
        names.AddRange(targets.Select(t => t.Name));
        if (config?.EscEnvironment is { } configured)
        {
            names.Add(configured);
        }

        names.AddRange(targets.Select(t => t.Esc.ToString()));

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var client = ServiceClients.Esc(ServiceClients.FromSession().EscEndpoint(null), NullSyncReporter.Instance);
            names.AddRange(client.ListAsync(null, timeout.Token).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is SecretSyncException or OperationCanceledException)
        {
            // No token, no network or a slow service: complete what secretsync.json names, nothing else.
        }

        // org/env and org/default/env are one environment: list it once, in the first spelling seen.
        return names
            .GroupBy(Canonical, StringComparer.Ordinal)
            .Select(g => g.First())
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n))
            .ToList();
    }

    private static string Canonical(string name)
    {
        try
        {
            return EnvironmentRef.Parse(name).ToString();
        }
        catch (ArgumentException)
        {
            return name;
        }
    }
}
