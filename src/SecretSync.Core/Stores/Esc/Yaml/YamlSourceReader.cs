using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>Recursive descent over parser events for <see cref="YamlSourceDocument"/>, turning marks into spans.</summary>
internal sealed class YamlSourceReader
{
    private const int MaxDepth = 256;

    private readonly string _text;
    private readonly IParser _parser;

    public YamlSourceReader(string text, IParser parser)
    {
        _text = text;
        _parser = parser;
    }

    public YamlSourceNode ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            var mark = _parser.Current!.Start;
            throw new EscDefinitionException((int)mark.Line, (int)mark.Column, "the definition is nested too deeply");
        }

        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            return ReadScalar(scalar);
        }

        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return YamlSourceNode.Alias((int)alias.Start.Index, (int)alias.End.Index);
        }

        if (_parser.TryConsume<MappingStart>(out var mappingStart))
        {
            return ReadMapping(mappingStart, depth);
        }

        var sequenceStart = _parser.Consume<SequenceStart>();
        return ReadSequence(sequenceStart, depth);
    }

    private YamlSourceNode ReadScalar(Scalar scalar)
    {
        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // A block scalar's end mark is the start of the next content line; its span should end with its
            // own last line so that "the line after this node" means what it says.
            while (end > start + 1 && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }
        }

        return YamlSourceNode.Scalar(start, end, scalar.Value, scalar.Style);
    }

    private YamlSourceNode ReadMapping(MappingStart start, int depth)
    {
        var isFlow = start.Style == MappingStyle.Flow;
        var node = YamlSourceNode.Collection(YamlSourceKind.Mapping, isFlow, (int)start.Start.Index);
        while (!_parser.Accept<MappingEnd>(out _))
        {
            var key = ReadNode(depth + 1);
            var afterColon = FindAfterColon(key.End);
            var value = ReadNode(depth + 1);
            if (value.Kind == YamlSourceKind.Scalar && value.Start == value.End)
            {
                // An absent value is an empty scalar; pin it right after the ':' rather than at the next token.
                value.SetSpan(afterColon, afterColon);
            }

            node.Entries.Add(new YamlSourceEntry(key, value, afterColon));
        }

        var end = _parser.Consume<MappingEnd>();
        var last = node.Entries.Count > 0 ? node.Entries[node.Entries.Count - 1].Value.End : node.Start;
        node.SetSpan(node.Start, isFlow ? FlowEnd((int)end.Start.Index, '}') : last);
        return node;
    }

    private YamlSourceNode ReadSequence(SequenceStart start, int depth)
    {
        var isFlow = start.Style == SequenceStyle.Flow;
        var node = YamlSourceNode.Collection(YamlSourceKind.Sequence, isFlow, (int)start.Start.Index);
        while (!_parser.Accept<SequenceEnd>(out _))
        {
            node.Items.Add(ReadNode(depth + 1));
        }

        var end = _parser.Consume<SequenceEnd>();
        var last = node.Items.Count > 0 ? node.Items[node.Items.Count - 1].End : node.Start + 1;
        node.SetSpan(node.Start, isFlow ? FlowEnd((int)end.Start.Index, ']') : last);
        return node;
    }

    /// <summary>The end mark of a flow collection sits on its closing bracket; the span includes it.</summary>
    private int FlowEnd(int index, char bracket)
    {
        var i = index;
        while (i < _text.Length && _text[i] != bracket)
        {
            i++;
        }

        return Math.Min(i + 1, _text.Length);
    }

    private int FindAfterColon(int keyEnd)
    {
        var i = keyEnd;
        while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t' || _text[i] == '\r' || _text[i] == '\n'))
        {
            i++;
        }

        return i < _text.Length && _text[i] == ':' ? i + 1 : keyEnd;
    }
}
