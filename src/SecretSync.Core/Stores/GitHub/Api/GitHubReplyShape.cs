using System.Collections;
using System.Runtime.Serialization;
using Octokit;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// Checks that what Octokit deserialized has the fields SecretSync reads. Octokit fills a JSON object of another
/// shape with nulls and zeros instead of failing, which would end in a null reference far away.
/// </summary>
internal static class GitHubReplyShape
{
    /// <summary>What is missing from <paramref name="reply"/>, or null when it has what the callers read.</summary>
    public static string? Problem(object? reply) => reply switch
    {
        null => "no body",
        OrganizationSecretsCollection page => page.Secrets is null ? "no \"secrets\" list" : page.Secrets.Any(s => s is null || string.IsNullOrEmpty(s.Name)) ? "a secret without a \"name\"" : null,
        OrganizationSecretRepositoryCollection repositories => repositories.Repositories is null ? "no \"repositories\" list" : null,
        SecretsPublicKey key => string.IsNullOrEmpty(key.Key) || string.IsNullOrEmpty(key.KeyId) ? "no \"key\" or \"key_id\"" : null,
        WorkflowRunsResponse runs => runs.WorkflowRuns is null ? "no \"workflow_runs\" list" : runs.WorkflowRuns.Select(Problem).FirstOrDefault(p => p is not null),
        WorkflowRun run => run.Id == 0 ? "a run without an \"id\"" : null,
        Repository repository => repository.Id == 0 || string.IsNullOrEmpty(repository.Name) ? "a repository without an \"id\" or \"name\"" : null,
        string => null,
        IEnumerable items and not IDictionary => items.Cast<object?>().Select(Problem).FirstOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>Octokit's serializer failing on a body it could not read (cut short, wrong types).</summary>
    public static bool IsDeserializationFailure(Exception e) =>
        e is SerializationException or InvalidCastException or FormatException or OverflowException;
}
