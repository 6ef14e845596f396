using SecretSync.Emulator.Esc;
using SecretSync.Emulator.GitHub;
using SecretSync.Emulator.Http;
using SecretSync.Emulator.Testing;

namespace SecretSync.Emulator;

/// <summary>Everything one emulator instance holds; shared by the routes and the request gate.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Esc = new EscStore();
        EscEvaluation = new EscEvaluation(Esc);
        GitHub = new GitHubStore(options.RunSeconds, options.EnterpriseServer);
    }

    public EmulatorOptions Options { get; }

    public EscStore Esc { get; }

    public EscEvaluation EscEvaluation { get; }

    public OpenSessions EscSessions { get; } = new();

    public GitHubStore GitHub { get; }

    public RequestLog Log { get; } = new();

    public FaultInjector Faults { get; } = new();

    public RateLimitCounter RateLimit { get; } = new();

    public EscApprovalRules Approvals { get; } = new();

    /// <summary>POST /_emulator/reset: back to an empty emulator (new keys too).</summary>
    public void Reset()
    {
        Esc.Clear();
        EscSessions.Clear();
        GitHub.Reset();
        Log.Clear();
        Faults.Clear();
        Approvals.Clear();
    }
}
