using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>Walks a parsed workflow for <see cref="SyncWorkflowVerifier"/>.</summary>
internal static class WorkflowScalars
{
    /// <summary>Every scalar with its path (<c>.jobs.sync.steps[2].env.NAME</c>); keys are scalars too, so a key cannot smuggle an expression.</summary>
    public static IEnumerable<(YamlScalarNode Node, string Path, bool IsKey)> Walk(YamlNode node, string path, bool isKey)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (scalar, path, isKey);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    foreach (var item in Walk(sequence.Children[i], $"{path}[{i}]", isKey: false))
                    {
                        yield return item;
                    }
                }

                break;
            case YamlMappingNode mapping:
                foreach (var pair in mapping.Children)
                {
                    var key = pair.Key as YamlScalarNode ?? throw new WorkflowUnsafeException($"The generated workflow has a complex key at line {pair.Key.Start.Line}.");
                    yield return (key, $"{path}.{key.Value}", true);
                    foreach (var item in Walk(pair.Value, $"{path}.{key.Value}", isKey: false))
                    {
                        yield return item;
                    }
                }

                break;
        }
    }
}
