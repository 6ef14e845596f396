using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The generator's last word before anything is written: the text must be printable ASCII, parse (YamlDotNet) to
/// exactly the document <see cref="WorkflowYamlWriter"/> meant, and hold a GitHub expression only where the
/// generator puts one: <c>${{ secrets.NAME }}</c> env values of the sync step for the names it was given, and
/// <c>${{ github.workspace }}</c> as a working directory. Two independent checks, so one mistake is not enough.
/// </summary>
internal static class SyncWorkflowVerifier
{
    private static readonly Regex s_secretReference = new(@"^\$\{\{ secrets\.([A-Z][A-Z0-9_]*) \}\}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_pinnedAction = new("^[a-z0-9-]+/[a-z0-9-]+@[0-9a-f]{40}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_stepEnvPath = new(@"^\.jobs\.([^.]+)\.steps\[(\d+)\]\.env\.[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_matrixSecret = new(@"^\$\{\{ \((?<conditions>[^()]+)\) && secrets\.(?<name>[A-Z][A-Z0-9_]*) \|\| '' \}\}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_matrixCondition = new("^matrix\\.target == '(?<target>[A-Za-z][A-Za-z0-9_-]{0,39})'$", RegexOptions.CultureInvariant);
    private static readonly Regex s_jobEnvironmentPath = new(@"^\.jobs\.[^.]+\.environment$", RegexOptions.CultureInvariant);
    private const string Workspace = "${{ github.workspace }}";
    private const string MatrixEnvironment = "${{ matrix.environment }}";
    private const string MatrixTarget = "${{ matrix.target }}";

    /// <param name="text">The workflow text.</param>
    /// <param name="expected">The document the generator meant.</param>
    /// <param name="syncStepName">The one step name that may receive secrets.</param>
    /// <param name="secretNames">The organisation secrets it may read.</param>
    /// <param name="matrixTargets">
    /// The matrix entries of a many-environment workflow (null for one environment). Then a sync step's secret may
    /// also be given to some entries only, <c>${{ (matrix.target == 'dev' || ...) &amp;&amp; secrets.NAME || '' }}</c>, with
    /// every entry one of these; the step may read its entry as <c>SECRETSYNC_TARGET: ${{ matrix.target }}</c>, and a job's
    /// <c>environment</c> may be <c>${{ matrix.environment }}</c>. Nothing else.
    /// </param>
    /// <exception cref="WorkflowUnsafeException">The text is not the intended workflow.</exception>
    public static void Verify(string text, YamlMappingNode expected, string syncStepName, IReadOnlyCollection<string> secretNames, IReadOnlyCollection<string>? matrixTargets = null)
    {
        WorkflowCharacters.CheckPrintable(text);
        var actual = Parse(text);
        WorkflowDocumentComparer.Compare(expected, actual, "the document");
        CheckExpressions(actual, syncStepName, new HashSet<string>(secretNames, StringComparer.Ordinal), matrixTargets is null ? null : new HashSet<string>(matrixTargets, StringComparer.Ordinal));
    }

    /// <summary>The one document of <paramref name="text"/>; refuses several documents, anchors, aliases and explicit tags.</summary>
    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new WorkflowUnsafeException($"The generated workflow does not parse as YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new WorkflowUnsafeException("The generated workflow is not one YAML mapping.");
        }

        if (stream.Documents[0].AllNodes.FirstOrDefault(n => !n.Anchor.IsEmpty || !n.Tag.IsEmpty) is { } marked)
        {
            throw new WorkflowUnsafeException($"The generated workflow has an anchor, alias or tag at line {marked.Start.Line}, which the generator never writes.");
        }

        return root;
    }

    private static void CheckExpressions(YamlMappingNode root, string syncStepName, HashSet<string> secretNames, HashSet<string>? matrixTargets)
    {
        foreach (var (node, path, isKey) in WorkflowScalars.Walk(root, string.Empty, isKey: false))
        {
            var value = node.Value ?? string.Empty;
            if (!isKey && path.EndsWith(".uses", StringComparison.Ordinal) && !s_pinnedAction.IsMatch(value))
            {
                throw new WorkflowUnsafeException($"The generated workflow uses {value} without pinning it to a full commit SHA.");
            }

            // An if: is an expression without ${{ }}; none of the generator's conditions reads secrets.
            if (!isKey && path.EndsWith(".if", StringComparison.Ordinal) && value.IndexOf("secrets", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                throw new WorkflowUnsafeException($"The generated workflow has the condition '{Shorten(value)}' at {path}, which reads secrets.");
            }

            var allowed = value.IndexOf("${{", StringComparison.Ordinal) < 0
                || (!isKey && path.EndsWith(".working-directory", StringComparison.Ordinal) && value == Workspace)
                || (!isKey && IsSyncStepSecret(root, path, value, syncStepName, secretNames))
                || (!isKey && matrixTargets is not null && IsMatrixExpression(root, path, value, syncStepName, secretNames, matrixTargets));
            if (!allowed)
            {
                throw new WorkflowUnsafeException($"The generated workflow would evaluate '{Shorten(value)}' at {path}; only ${{{{ secrets.NAME }}}} env values of the sync step may reach secrets. Nothing was written.");
            }
        }
    }

    /// <summary>True for <c>jobs.*.steps[i].env.VAR: ${{ secrets.NAME }}</c> of the sync step with NAME one of the names given.</summary>
    private static bool IsSyncStepSecret(YamlMappingNode root, string path, string value, string syncStepName, HashSet<string> secretNames)
    {
        var place = s_stepEnvPath.Match(path);
        var reference = s_secretReference.Match(value);
        if (!place.Success || !reference.Success || !secretNames.Contains(reference.Groups[1].Value))
        {
            return false;
        }

        return IsSyncStep(root, place, syncStepName);
    }

    /// <summary>
    /// The three expressions of a matrix job, each only where the generator writes it: a job's environment, the
    /// sync step's SECRETSYNC_TARGET, and a sync-step secret given to listed matrix entries (each one of
    /// <paramref name="matrixTargets"/>, each listed once).
    /// </summary>
    private static bool IsMatrixExpression(YamlMappingNode root, string path, string value, string syncStepName, HashSet<string> secretNames, HashSet<string> matrixTargets)
    {
        if (s_jobEnvironmentPath.IsMatch(path))
        {
            return value == MatrixEnvironment;
        }

        var place = s_stepEnvPath.Match(path);
        if (!place.Success || !IsSyncStep(root, place, syncStepName))
        {
            return false;
        }

        if (path.EndsWith("." + SyncWorkflowMatrixJobs.TargetVariable, StringComparison.Ordinal))
        {
            return value == MatrixTarget;
        }

        var secret = s_matrixSecret.Match(value);
        if (!secret.Success || !secretNames.Contains(secret.Groups["name"].Value))
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in secret.Groups["conditions"].Value.Split(new[] { " || " }, StringSplitOptions.None))
        {
            var target = s_matrixCondition.Match(condition);
            if (!target.Success || !matrixTargets.Contains(target.Groups["target"].Value) || !seen.Add(target.Groups["target"].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSyncStep(YamlMappingNode root, Match place, string syncStepName)
    {
        var steps = Child(Child(Child(root, "jobs"), place.Groups[1].Value), "steps") as YamlSequenceNode;
        var step = steps?.Children[int.Parse(place.Groups[2].Value, CultureInfo.InvariantCulture)] as YamlMappingNode;
        return step is not null && Child(step, "name") is YamlScalarNode { Value: var name } && name == syncStepName;
    }

    private static YamlNode? Child(YamlNode? mapping, string key) =>
        (mapping as YamlMappingNode)?.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var k } && k == key).Value;

    private static string Shorten(string value) => value.Length <= 80 ? value : value.Substring(0, 77) + "...";
}
