using SecretSync.Emulator.Esc;
using SecretSync.Emulator.GitHub;
using SecretSync.Emulator.Testing;

namespace SecretSync.Emulator;

/// <summary>Everything one emulator instance holds; shared by the routes and the request gate.</summary>
internal sealed class EmulatorState
{
    /// <param name="options">The command-line options.</param>
    /// <param name="clock">The host's time; tests pass a manual clock so nothing they check depends on waiting.</param>
    public EmulatorState(EmulatorOptions options, TimeProvider? clock = null)
    {
        Options = options;
        Clock = new EmulatorClock(clock);
        Esc = new EscStore(Clock);
        EscEvaluation = new EscEvaluation(Esc);
        EscSessions = new OpenSessions(Clock);
        GitHub = new GitHubStore(options.RunSeconds, options.EnterpriseServer, Clock);
        RateLimit = new RateLimitCounter(Clock);
    }

    public EmulatorOptions Options { get; }

    /// <summary>Every time the emulator stamps, compares or waits by; moved by POST /_emulator/clock.</summary>
    public EmulatorClock Clock { get; }

    public EscStore Esc { get; }

    public EscEvaluation EscEvaluation { get; }

    public OpenSessions EscSessions { get; }

    public GitHubStore GitHub { get; }

    public RequestLog Log { get; } = new();

    public FaultInjector Faults { get; } = new();

    public RateLimitCounter RateLimit { get; }

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
        SetClockOffset(TimeSpan.Zero);
    }

    /// <summary>POST /_emulator/clock: moves the emulator's time; stamps start again from the new time.</summary>
    public void SetClockOffset(TimeSpan offset)
    {
        Clock.Offset = offset;
        GitHub.ForgetLastStamp();
    }
}
