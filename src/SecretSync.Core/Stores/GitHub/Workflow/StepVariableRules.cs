namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// Names a workflow step cannot take as environment variables: GitHub's default variables (which a step's env
/// cannot override, so the secret would silently not arrive) and the runner's own prefixes.
/// </summary>
internal static class StepVariableRules
{
    private static readonly HashSet<string> s_defaultVariables = new(StringComparer.Ordinal)
    {
        "CI", "GITHUB_ACTION", "GITHUB_ACTION_PATH", "GITHUB_ACTION_REPOSITORY", "GITHUB_ACTIONS", "GITHUB_ACTOR",
        "GITHUB_ACTOR_ID", "GITHUB_API_URL", "GITHUB_BASE_REF", "GITHUB_ENV", "GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH",
        "GITHUB_GRAPHQL_URL", "GITHUB_HEAD_REF", "GITHUB_JOB", "GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_REF",
        "GITHUB_REF_NAME", "GITHUB_REF_PROTECTED", "GITHUB_REF_TYPE", "GITHUB_REPOSITORY", "GITHUB_REPOSITORY_ID",
        "GITHUB_REPOSITORY_OWNER", "GITHUB_REPOSITORY_OWNER_ID", "GITHUB_RETENTION_DAYS", "GITHUB_RUN_ATTEMPT",
        "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_SERVER_URL", "GITHUB_SHA", "GITHUB_STATE", "GITHUB_STEP_SUMMARY",
        "GITHUB_TRIGGERING_ACTOR", "GITHUB_WORKFLOW", "GITHUB_WORKFLOW_REF", "GITHUB_WORKFLOW_SHA", "GITHUB_WORKSPACE",
    };

    /// <summary>Throws when <paramref name="name"/> cannot carry a secret into a step.</summary>
    public static void Check(string name)
    {
        if (s_defaultVariables.Contains(name)
            || name.StartsWith("RUNNER_", StringComparison.Ordinal)
            || name.StartsWith("ACTIONS_", StringComparison.Ordinal))
        {
            throw new WorkflowGenerationException($"The catalogued secret {name} has the name of a variable GitHub Actions sets itself, so a workflow step cannot receive it; rename the secret.");
        }
    }
}
