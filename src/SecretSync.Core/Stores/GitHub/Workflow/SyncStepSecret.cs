namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>One env entry of the sync step: <c>Variable: ${{ secrets.GitHubName }}</c>.</summary>
/// <param name="Variable">The step's variable: the catalog name, or its alias for names GitHub reserves (GITHUB_*).</param>
/// <param name="GitHubName">The organisation secret it reads.</param>
public sealed record SyncStepSecret(string Variable, string GitHubName)
{
    /// <inheritdoc/>
    public override string ToString() => Variable == GitHubName ? Variable : $"{Variable} (secret {GitHubName})";
}
