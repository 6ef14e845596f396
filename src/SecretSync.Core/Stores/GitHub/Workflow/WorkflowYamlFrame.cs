using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>One open mapping or sequence of a <see cref="WorkflowYamlWriter"/>: the node it fills and where its lines start.</summary>
internal sealed class WorkflowYamlFrame(YamlNode node, int indent)
{
    public YamlNode Node { get; } = node;

    /// <summary>Indent of this frame's keys or items.</summary>
    public int Indent { get; } = indent;

    /// <summary>Set for an item mapping until its first key is written after "- " at this column.</summary>
    public int? Dash { get; set; }
}
