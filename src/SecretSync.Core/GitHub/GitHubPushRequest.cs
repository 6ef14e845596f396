using System.Collections.Generic;

namespace SecretSync.Core.GitHub;

/// <summary>One secret to write to an organisation. <see cref="Visibility"/> null keeps what GitHub has (all for a new secret).</summary>
public sealed class GitHubPushRequest
{
    public GitHubPushRequest(string name, string gitHubName, string value, string? visibility, IReadOnlyList<string>? selectedRepositories)
    {
        Name = name;
        GitHubName = gitHubName;
        Value = value;
        Visibility = visibility;
        SelectedRepositories = selectedRepositories;
    }

    /// <summary>The catalog name.</summary>
    public string Name { get; }

    /// <summary>The name in GitHub (the catalog alias where GitHub refuses the name).</summary>
    public string GitHubName { get; }

    internal string Value { get; }

    /// <summary>all, private or selected; null keeps the existing visibility.</summary>
    public string? Visibility { get; }

    /// <summary>Repositories (repo or owner/repo) for a selected secret; null keeps the existing ones.</summary>
    public IReadOnlyList<string>? SelectedRepositories { get; }

    /// <inheritdoc/>
    public override string ToString() => GitHubName;
}
