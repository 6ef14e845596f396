using System.Security;
using SecretSync.Core;
using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Plumbing.Credentials;
using SecretSync.Core.Records.Configuration;
using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.GitHub.Api;
using SecretSync.Core.Stores.GitHub.Workflow;

namespace SecretSync;

/// <summary>
/// The one factory of the service clients the cmdlets use. Endpoints and tokens are read from the session's
/// settings as the vendors' tools read them (PULUMI_BACKEND_URL, PULUMI_ACCESS_TOKEN, GITHUB_API_URL, GITHUB_TOKEN or
/// GH_TOKEN; a token parameter wins), and the insecure-endpoint rule (SECRETSYNC_ALLOW_INSECURE_ENDPOINT) is applied
/// here, once; proxies are the HTTP stack's own (HTTPS_PROXY, NO_PROXY). Endpoints are resolved on the pipeline
/// thread; the clients, which report through the reporter of the work that uses them, are built where that work runs.
/// </summary>
internal sealed class ServiceClients
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    private ServiceClients(IReadOnlyDictionary<string, string> variables) => _variables = variables;

    /// <summary>The settings of this session, read now from the process environment.</summary>
    public static ServiceClients FromSession() => new(ProcessEnvironment.Snapshot());

    /// <summary>The Pulumi ESC endpoint; throws <see cref="MissingCredentialException"/> without a token, <see cref="InsecureEndpointException"/> for clear text off loopback.</summary>
    public ServiceEndpoint EscEndpoint(SecureString? token) => EndpointResolver.Esc(token, Variable);

    /// <summary>The GitHub endpoint; throws like <see cref="EscEndpoint"/>.</summary>
    public ServiceEndpoint GitHubEndpoint(SecureString? token) => EndpointResolver.GitHub(token, Variable);

    public static EscClient Esc(ServiceEndpoint endpoint, ISyncReporter reporter) => new(endpoint, reporter);

    public static EscSyncService EscSync(ServiceEndpoint endpoint, ISyncReporter reporter) => new(Esc(endpoint, reporter), reporter);

    /// <summary>Pushes to GitHub, keeping the push ledger in <paramref name="ledgerEnvironment"/> when there is an ESC endpoint for it.</summary>
    public static GitHubPushService GitHubPush(ServiceEndpoint gitHub, ServiceEndpoint? esc, EnvironmentRef? ledgerEnvironment, GitHubWritePacer pacer, int throttleLimit, ISyncReporter reporter)
    {
        var ledger = esc is null || ledgerEnvironment is null ? null : new GitHubPushLedgerStore(Esc(esc, reporter), ledgerEnvironment, reporter);
        return new GitHubPushService(gitHub, ledger, pacer, throttleLimit, reporter);
    }

    public static WorkflowDispatcher WorkflowDispatcher(ServiceEndpoint gitHub, ISyncReporter reporter) => new(gitHub, reporter);

    public static WorkflowSecretVisibility WorkflowSecretVisibility(ServiceEndpoint gitHub, ISyncReporter reporter) => new(gitHub, reporter);

    private string? Variable(string name) => _variables.TryGetValue(name, out var value) ? value : null;
}
