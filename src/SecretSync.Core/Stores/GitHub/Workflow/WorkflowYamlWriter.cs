using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// Writes workflow YAML line by line (two-space indents, comments, LF) and, from the same calls, builds the
/// document that text is meant to parse to. <see cref="SyncWorkflowVerifier"/> compares the two, so a quoting
/// mistake or a hostile character cannot change the workflow's meaning unnoticed. Comments exist only in the text.
/// </summary>
internal sealed class WorkflowYamlWriter
{
    private readonly StringBuilder _text = new();
    private readonly Stack<WorkflowYamlFrame> _frames = new();

    public WorkflowYamlWriter() => _frames.Push(new WorkflowYamlFrame(Expected, 0));

    /// <summary>The document the text must parse to.</summary>
    public YamlMappingNode Expected { get; } = new();

    public string Text => _frames.Count == 1 ? _text.ToString() : throw new InvalidOperationException("unclosed mapping or sequence");

    /// <summary>A whole-line comment; <paramref name="text"/> must be printable ASCII (catalog text goes through <see cref="CatalogText.Heading"/>).</summary>
    public void Comment(string text)
    {
        WorkflowYamlText.CheckCommentText(text);
        Line(Indent + (text.Length == 0 ? "#" : "# " + text));
    }

    public void Blank() => _text.Append('\n');

    /// <summary><c>key: value</c> with value plain (as written) or single-quoted, and an optional trailing comment.</summary>
    public void Scalar(string key, string value, ScalarStyle style = ScalarStyle.Plain, string? comment = null)
    {
        var node = Node(value, style);
        Line(KeyPrefix(key) + " " + WorkflowYamlText.Render(value, style) + WorkflowYamlText.TrailingComment(comment));
        Mapping.Add(Node(key, ScalarStyle.Plain), node);
    }

    /// <summary><c>key:</c> with nothing after it (a null value, as in <c>workflow_dispatch:</c>).</summary>
    public void Empty(string key)
    {
        Line(KeyPrefix(key));
        Mapping.Add(Node(key, ScalarStyle.Plain), Node(string.Empty, ScalarStyle.Plain));
    }

    /// <summary><c>key: {}</c>.</summary>
    public void EmptyMapping(string key)
    {
        Line(KeyPrefix(key) + " {}");
        Mapping.Add(Node(key, ScalarStyle.Plain), new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow });
    }

    /// <summary><c>key: |</c> followed by <paramref name="lines"/>: a literal block whose value is the lines joined by LF plus a final LF.</summary>
    public void Literal(string key, IReadOnlyList<string> lines)
    {
        Line(KeyPrefix(key) + " |");
        foreach (var line in lines)
        {
            Line(new string(' ', _frames.Peek().Indent + 2) + line);
        }

        Mapping.Add(Node(key, ScalarStyle.Plain), Node(string.Join("\n", lines) + "\n", ScalarStyle.Literal));
    }

    /// <summary>Opens a nested mapping under <paramref name="key"/>; close it with <see cref="End"/>.</summary>
    public void BeginMapping(string key)
    {
        Line(KeyPrefix(key));
        var node = new YamlMappingNode();
        Mapping.Add(Node(key, ScalarStyle.Plain), node);
        _frames.Push(new WorkflowYamlFrame(node, _frames.Peek().Indent + 2));
    }

    /// <summary>Opens a block sequence under <paramref name="key"/>; its items are indented two spaces below the key.</summary>
    public void BeginSequence(string key)
    {
        Line(KeyPrefix(key));
        var node = new YamlSequenceNode();
        Mapping.Add(Node(key, ScalarStyle.Plain), node);
        _frames.Push(new WorkflowYamlFrame(node, _frames.Peek().Indent + 2));
    }

    /// <summary>A scalar item of the open sequence.</summary>
    public void Item(string value, ScalarStyle style = ScalarStyle.Plain)
    {
        Line(Indent + "- " + WorkflowYamlText.Render(value, style));
        Sequence.Add(Node(value, style));
    }

    /// <summary>A mapping item of the open sequence (<c>- key: …</c>); close it with <see cref="End"/>.</summary>
    public void BeginItemMapping()
    {
        var node = new YamlMappingNode();
        var indent = _frames.Peek().Indent;
        Sequence.Add(node);
        _frames.Push(new WorkflowYamlFrame(node, indent + 2) { Dash = indent });
    }

    public void End()
    {
        if (_frames.Count == 1 || _frames.Peek().Dash is not null)
        {
            throw new InvalidOperationException(_frames.Count == 1 ? "nothing to end" : "an item mapping needs a key");
        }

        _frames.Pop();
    }

    private YamlMappingNode Mapping => _frames.Peek().Node as YamlMappingNode ?? throw new InvalidOperationException("not in a mapping");

    private YamlSequenceNode Sequence => _frames.Peek().Node as YamlSequenceNode ?? throw new InvalidOperationException("not in a sequence");

    private string Indent => _frames.Peek().Dash is null
        ? new string(' ', _frames.Peek().Indent)
        : throw new InvalidOperationException("an item mapping starts with a key");

    private static YamlScalarNode Node(string value, ScalarStyle style) => new(value) { Style = style };

    /// <summary>The key's line start: indented, or after the dash of a new item mapping (which it then leaves).</summary>
    private string KeyPrefix(string key)
    {
        var frame = _frames.Peek();
        var prefix = frame.Dash is int dash ? new string(' ', dash) + "- " : new string(' ', frame.Indent);
        frame.Dash = null;
        return prefix + key + ":";
    }

    private void Line(string text) => _text.Append(text).Append('\n');
}
