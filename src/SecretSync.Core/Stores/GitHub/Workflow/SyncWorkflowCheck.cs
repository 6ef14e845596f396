using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// Compares a committed workflow with the catalog by what matters to the sync: which <c>VAR: ${{ secrets.NAME }}</c>
/// env entries its steps receive. Layout, comments and other edits do not make it stale; a missing secret does.
/// </summary>
public static class SyncWorkflowCheck
{
    private static readonly Regex s_secretReference = new(@"^\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}$", RegexOptions.CultureInvariant);

    // A many-environment workflow gives a secret to some matrix entries only: ${{ (matrix.target == 'dev') && secrets.NAME || '' }}.
    private static readonly Regex s_matrixSecretReference = new(@"^\$\{\{\s*\(.*\)\s*&&\s*secrets\.([A-Za-z0-9_]+)\s*\|\|\s*''\s*\}\}$", RegexOptions.CultureInvariant);

    /// <summary>Checks <paramref name="text"/> (null: the file does not exist) of the workflow at <paramref name="path"/>.</summary>
    /// <remarks>With <paramref name="config"/> naming "environments", the expected secrets are those of the many-environment workflow.</remarks>
    public static WorkflowCheckResult Check(string path, string? text, SecretCatalog catalog, ProjectConfig? config = null)
    {
        var expected = SyncWorkflowSecrets.Of(catalog, config);
        var unseen = WorkflowSecretLimit.Unseen(expected.Select(s => s.GitHubName));
        if (text is null)
        {
            return new WorkflowCheckResult(path, WorkflowCheckStatus.Missing, expected.Select(s => s.Variable).ToList(), [], unseen, false);
        }

        List<SyncStepSecret> actual;
        try
        {
            actual = PassedSecrets(text);
        }
        catch (YamlException)
        {
            return new WorkflowCheckResult(path, WorkflowCheckStatus.Unreadable, [], [], unseen, false);
        }

        var missing = expected.Where(e => !actual.Any(a => Same(a, e))).Select(e => e.Variable).ToList();
        var extra = actual.Where(a => !expected.Any(e => Same(a, e))).Select(a => a.Variable).Distinct().ToList();
        var status = missing.Count + extra.Count == 0 ? WorkflowCheckStatus.Current : WorkflowCheckStatus.Stale;
        return new WorkflowCheckResult(path, status, missing, extra, unseen, GeneratedWorkflowMarker.IsUnmodified(text));
    }

    /// <summary>One line for an error or a CI log: what is wrong and the command that fixes it.</summary>
    public static string Describe(WorkflowCheckResult result) => (result ?? throw new ArgumentNullException(nameof(result))).StatusKind switch
    {
        WorkflowCheckStatus.Missing => $"{result.Path} does not exist, so no catalogued secret is synced from GitHub. Run New-SophiaSyncWorkflow and commit the file.",
        WorkflowCheckStatus.Unreadable => $"{result.Path} is not valid YAML, so GitHub cannot run it. Regenerate it with New-SophiaSyncWorkflow -Force after a look at the file.",
        WorkflowCheckStatus.Stale => $"{result.Path} does not match the catalog:"
            + (result.MissingNames.Count > 0 ? $" it never syncs {string.Join(", ", result.MissingNames)};" : string.Empty)
            + (result.ExtraNames.Count > 0 ? $" it still passes {string.Join(", ", result.ExtraNames)}, which the catalog no longer has;" : string.Empty)
            + " run New-SophiaSyncWorkflow and commit the file.",
        _ => $"{result.Path} passes every catalogued secret to the sync.",
    };

    private static bool Same(SyncStepSecret a, SyncStepSecret b) =>
        a.Variable == b.Variable && string.Equals(a.GitHubName, b.GitHubName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every <c>VAR: ${{ secrets.NAME }}</c> in the env of any step of any job.</summary>
    private static List<SyncStepSecret> PassedSecrets(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var found = new List<SyncStepSecret>();
        var root = stream.Documents.Count == 1 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        foreach (var job in Children(Child(root, "jobs")))
        {
            foreach (var step in (Child(job, "steps") as YamlSequenceNode)?.Children ?? [])
            {
                foreach (var (key, value) in Pairs(Child(step, "env")))
                {
                    if ((s_secretReference.Match(value) is { Success: true } plain ? plain : s_matrixSecretReference.Match(value)) is { Success: true } reference)
                    {
                        found.Add(new SyncStepSecret(key, reference.Groups[1].Value));
                    }
                }
            }
        }

        return found;
    }

    private static YamlNode? Child(YamlNode? mapping, string key) =>
        (mapping as YamlMappingNode)?.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var k } && k == key).Value;

    private static IEnumerable<YamlNode> Children(YamlNode? mapping) =>
        (mapping as YamlMappingNode)?.Children.Select(p => p.Value) ?? [];

    private static IEnumerable<(string Key, string Value)> Pairs(YamlNode? mapping) =>
        (mapping as YamlMappingNode)?.Children
            .Where(p => p.Key is YamlScalarNode && p.Value is YamlScalarNode)
            .Select(p => (((YamlScalarNode)p.Key).Value ?? string.Empty, ((YamlScalarNode)p.Value).Value ?? string.Empty)) ?? [];
}
