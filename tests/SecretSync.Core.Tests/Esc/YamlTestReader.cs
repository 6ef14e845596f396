using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Tests.Esc;

/// <summary>Reads YAML with YamlDotNet's own representation model: an independent check of what the editor wrote.</summary>
internal static class YamlTestReader
{
    public static YamlNode? Node(string text, params string[] path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0)
        {
            return null;
        }

        YamlNode? node = stream.Documents[0].RootNode;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map)
            {
                return null;
            }

            node = map.Children.LastOrDefault(c => ((YamlScalarNode)c.Key).Value == key).Value;
        }

        return node;
    }

    public static string? Scalar(string text, params string[] path) => (Node(text, path) as YamlScalarNode)?.Value;
}
