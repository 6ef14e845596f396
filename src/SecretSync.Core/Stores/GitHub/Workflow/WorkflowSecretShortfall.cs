namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>What a run of the sync workflow would miss: see <see cref="WorkflowSecretVisibility"/>.</summary>
/// <param name="SharedCount">Organisation secrets shared with the repository.</param>
/// <param name="BeyondLimit">Workflow secrets past the first 100 shared ones, by name: the run sees them empty.</param>
/// <param name="NotShared">Workflow secrets not shared with the repository (or not existing): the run sees them empty too.</param>
public sealed record WorkflowSecretShortfall(int SharedCount, IReadOnlyList<string> BeyondLimit, IReadOnlyList<string> NotShared);
