namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>One secret to write to an organisation. <see cref="Visibility"/> null keeps what GitHub has (private for a new secret).</summary>
public sealed class GitHubPushRequest
{
    private GitHubPushRequest(string name, string gitHubName, string value, string? visibility, IReadOnlyList<string>? selectedRepositories, string? escPath)
    {
        Name = name;
        EscPath = escPath;
        GitHubName = gitHubName;
        Value = value;
        Visibility = visibility;
        SelectedRepositories = selectedRepositories;
    }

    /// <summary>GitHub's documented limit on the size of a secret.</summary>
    public const int MaxValueBytes = 48 * 1024;

    /// <summary>A request GitHub will accept; throws <see cref="InvalidGitHubSecretException"/> for a name or value it refuses. With the secret's ESC path, a push of the value ESC holds there is recorded as such.</summary>
    public static GitHubPushRequest Create(string name, string gitHubName, string value, string? visibility, IReadOnlyList<string>? selectedRepositories, string? escPath = null)
    {
        if (GitHubNameRules.Violation(gitHubName) is { } problem)
        {
            throw new InvalidGitHubSecretException(name, isTooLarge: false, $"{name}: {problem}. Nothing was sent to GitHub for it.");
        }

        if (Encoding.UTF8.GetByteCount(value) > MaxValueBytes)
        {
            throw new InvalidGitHubSecretException(name, isTooLarge: true, $"{name}: GitHub secrets hold at most 48 KB; this value is larger. Keep it in ESC only, or store a reference to it.");
        }

        return new GitHubPushRequest(name, gitHubName, value, visibility, selectedRepositories, escPath);
    }

    /// <summary>The catalog name.</summary>
    public string Name { get; }

    /// <summary>The name in GitHub (the catalog alias where GitHub refuses the name).</summary>
    public string GitHubName { get; }

    internal string Value { get; }

    /// <summary>The secret's path in ESC, where it has one.</summary>
    public string? EscPath { get; }

    /// <summary>all, private or selected; null keeps the existing visibility (a new secret is private).</summary>
    public string? Visibility { get; }

    /// <summary>Repositories (repo or owner/repo) for a selected secret; null keeps the existing ones.</summary>
    public IReadOnlyList<string>? SelectedRepositories { get; }

    /// <inheritdoc/>
    public override string ToString() => GitHubName;
}
