namespace SecretSync.Emulator.GitHub;

/// <summary>
/// A dispatched run. Its status is derived from the time elapsed since dispatch (queued for the first fifth,
/// then in_progress, then completed), so no timers are needed and concurrent reads agree.
/// </summary>
internal sealed class WorkflowRun
{
    /// <summary>
    /// A run reads at most 100 organisation secrets: the first 100 by name of those shared with the repository; the
    /// rest are empty strings in the run (GitHub docs, "Using secrets in GitHub Actions", limits).
    /// </summary>
    public const int MaxOrganizationSecrets = 100;

    public required long Id { get; init; }

    public required int RunNumber { get; init; }

    public required RepositoryEntry Repository { get; init; }

    public required long WorkflowId { get; init; }

    public required string WorkflowFile { get; init; }

    public required string HeadBranch { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required RunSettings Settings { get; init; }

    /// <summary>The organisation secrets this run can read, fixed when it was dispatched.</summary>
    public required IReadOnlyList<string> OrganizationSecretsSeen { get; init; }

    public string Status(DateTimeOffset now)
    {
        var elapsed = (now - Created).TotalSeconds;
        if (elapsed >= Settings.Seconds)
        {
            return "completed";
        }

        return elapsed >= Settings.Seconds / 5 ? "in_progress" : "queued";
    }

    public string? Conclusion(DateTimeOffset now) => Status(now) == "completed" ? Settings.Conclusion : null;

    public DateTimeOffset Updated(DateTimeOffset now) => Status(now) switch
    {
        "completed" => Created.AddSeconds(Settings.Seconds),
        "in_progress" => Created.AddSeconds(Settings.Seconds / 5),
        _ => Created,
    };
}
