using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>Compares the document a workflow text parses to with the one the generator meant, node by node.</summary>
internal static class WorkflowDocumentComparer
{
    /// <exception cref="WorkflowUnsafeException">A scalar (value or style), a count or a key differs; the message names where.</exception>
    public static void Compare(YamlNode expected, YamlNode actual, string path)
    {
        switch (expected, actual)
        {
            case (YamlScalarNode e, YamlScalarNode a) when e.Value == a.Value && e.Style == a.Style:
                return;
            case (YamlSequenceNode e, YamlSequenceNode a) when e.Children.Count == a.Children.Count:
                for (var i = 0; i < e.Children.Count; i++)
                {
                    Compare(e.Children[i], a.Children[i], $"{path}[{i}]");
                }

                return;
            case (YamlMappingNode e, YamlMappingNode a) when e.Children.Count == a.Children.Count:
                foreach (var (pair, other) in e.Children.Zip(a.Children, (x, y) => (x, y)))
                {
                    var key = ((YamlScalarNode)pair.Key).Value;
                    Compare(pair.Key, other.Key, $"{path} key {key}");
                    Compare(pair.Value, other.Value, $"{path}.{key}");
                }

                return;
            default:
                throw new WorkflowUnsafeException($"The generated workflow does not parse to what the generator meant: {path} differs (line {actual.Start.Line}). Nothing was written; check the catalog text and paths in secretsync.json.");
        }
    }
}
