using System.Security;
using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Plumbing.Credentials;
using SecretSync.Core.Records.Configuration;

namespace SecretSync.Writing;

/// <summary>
/// The ESC writes of Sync-SophiaSecret and Set-SophiaSecret -Target Esc: plan one revision of an environment from the
/// desired secrets (read once, compared with the evaluated values), then apply exactly that plan, creating the
/// environment first when it is missing. The cmdlets differ only in how they confirm and report.
/// </summary>
internal sealed class EscWriter
{
    private readonly SophiaCmdlet _cmdlet;

    public EscWriter(SophiaCmdlet cmdlet, SecureString? token)
    {
        _cmdlet = cmdlet;
        Endpoint = cmdlet.Services.EscEndpoint(token);
    }

    public ServiceEndpoint Endpoint { get; }

    public EscSyncState Plan(EnvironmentRef environment, SyncInput input, bool prune) =>
        _cmdlet.Run((reporter, token) => ServiceClients.EscSync(Endpoint, reporter).PlanAsync(environment, input.Desired, prune, token));

    public (EscSyncState State, long Revision) Apply(EscSyncState state, SyncInput input, bool prune) =>
        _cmdlet.Run(async (reporter, token) =>
        {
            var service = ServiceClients.EscSync(Endpoint, reporter);
            if (!state.Exists)
            {
                await service.CreateAsync(state.Environment, token).ConfigureAwait(false);
            }

            return await service.ApplyAsync(state, input.Desired, prune, token).ConfigureAwait(false);
        });
}
