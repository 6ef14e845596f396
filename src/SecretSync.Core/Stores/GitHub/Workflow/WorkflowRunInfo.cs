namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>A GitHub Actions workflow run, as Start-SophiaSecretSync reports it.</summary>
public sealed class WorkflowRunInfo
{
    public WorkflowRunInfo(long id, string status, string? conclusion, string htmlUrl, DateTimeOffset createdAt)
    {
        Id = id;
        Status = status;
        Conclusion = conclusion;
        HtmlUrl = htmlUrl;
        CreatedAt = createdAt;
    }

    public long Id { get; }

    /// <summary>queued, in_progress, completed, ...</summary>
    public string Status { get; }

    /// <summary>success, failure, cancelled, ...; null until completed.</summary>
    public string? Conclusion { get; }

    public string HtmlUrl { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>True once the run has ended.</summary>
    public bool IsCompleted => string.Equals(Status, "completed", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => $"run {Id} {Status} {Conclusion}".TrimEnd();
}
