namespace SecretSync.Emulator.Esc;

/// <summary>
/// Environments marked (POST /_emulator/esc/approvals) as protected by approval rulesets, as ESC's Business Critical
/// tier allows: updates must go through a change request, opens need an approved open request.
/// </summary>
internal sealed class EscApprovalRules
{
    /// <summary>ESC's answer to a direct PATCH of an approval-gated environment (pulumi/esc#650).</summary>
    public const string UpdateMessage = "This environment requires updates to be approved via change request. Please use the draft endpoint instead.";

    /// <summary>ESC's answer to an open without an approved open request (pulumi/esc#668).</summary>
    public const string OpenMessage = "create an open request instead, opens must be approved for the environment";

    private readonly Lock _lock = new();
    private readonly HashSet<string> _updates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _opens = new(StringComparer.Ordinal);

    /// <summary>Sets both gates of "org/project/env".</summary>
    public void Set(string environment, bool updates, bool opens)
    {
        lock (_lock)
        {
            Toggle(_updates, environment, updates);
            Toggle(_opens, environment, opens);
        }
    }

    public bool UpdatesNeedApproval(string environment)
    {
        lock (_lock)
        {
            return _updates.Contains(environment);
        }
    }

    public bool OpensNeedApproval(string environment)
    {
        lock (_lock)
        {
            return _opens.Contains(environment);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _updates.Clear();
            _opens.Clear();
        }
    }

    private static void Toggle(HashSet<string> set, string environment, bool on)
    {
        if (on)
        {
            set.Add(environment);
        }
        else
        {
            set.Remove(environment);
        }
    }
}
