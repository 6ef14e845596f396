using SecretSync.Emulator.Esc.Eval;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecretSync.Emulator.Esc.Yaml;

/// <summary>
/// Builds a <see cref="SyntaxNode"/> tree from YamlDotNet's event parser. The event level (not the representation
/// model) is used because it keeps scalar styles and marks, and tolerates duplicate keys: a duplicate top-level key
/// is a warning (the last wins), one inside <c>values</c> an error the evaluator reports (reference §6).
/// </summary>
internal sealed class SyntaxReader
{
    private readonly string _environment;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, SyntaxNode> _anchors = [];
    private int _depth;

    private SyntaxReader(string environment, List<Diagnostic> diagnostics)
    {
        _environment = environment;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses the first document; returns null for an empty document or a syntax error (then a diagnostic is added).</summary>
    public static SyntaxNode? Read(string text, string environment, List<Diagnostic> diagnostics)
    {
        var reader = new SyntaxReader(environment, diagnostics);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            return reader.ReadNode(parser);
        }
        catch (YamlException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf("): ", System.StringComparison.Ordinal);
            var summary = cut >= 0 ? message[(cut + 3)..] : message;
            diagnostics.Add(new Diagnostic(reader.RangeOf(ex.Start, ex.End), summary));
            return null;
        }
    }

    private SyntaxNode ReadNode(IParser parser)
    {
        var current = parser.Current!;
        parser.MoveNext();
        switch (current)
        {
            case Scalar scalar:
                return Remember(scalar.Anchor, new SyntaxScalar(RangeOf(scalar.Start, scalar.End), scalar.Value, scalar.Style, !scalar.Tag.IsEmpty));
            case SequenceStart start:
                return ReadSequence(parser, start);
            case MappingStart start:
                return ReadMapping(parser, start);
            case AnchorAlias alias when _anchors.TryGetValue(alias.Value.Value, out var target):
                // ESC's YAML decoder refuses aliases (pulumi/esc syntax/encoding/yaml.go unmarshalYAMLNode).
                _diagnostics.Add(new Diagnostic(RangeOf(alias.Start, alias.End), "alias nodes are not supported"));
                return target;
            default:
                throw new YamlException(current.Start, current.End, "unexpected YAML construct");
        }
    }

    private SyntaxSequence ReadSequence(IParser parser, SequenceStart start)
    {
        var sequence = new SyntaxSequence(RangeOf(start.Start, start.End));
        Remember(start.Anchor, sequence);
        while (!parser.Accept<SequenceEnd>(out _))
        {
            sequence.Items.Add(ReadNode(parser));
        }

        var endEvent = parser.Consume<SequenceEnd>();
        var end = start.Style == SequenceStyle.Flow || sequence.Items.Count == 0
            ? AfterClosingBracket(endEvent)
            : sequence.Items[^1].Range.End;
        sequence.Range = sequence.Range with { End = end };
        return sequence;
    }

    private SyntaxMapping ReadMapping(IParser parser, MappingStart start)
    {
        var mapping = new SyntaxMapping(RangeOf(start.Start, start.End));
        Remember(start.Anchor, mapping);
        var seen = new HashSet<string>();
        var topLevel = _depth == 0;
        _depth++;
        while (!parser.Accept<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser);
            var value = ReadNode(parser);
            if (keyNode is not SyntaxScalar key)
            {
                _diagnostics.Add(new Diagnostic(keyNode.Range, "object keys must be strings"));
                continue;
            }

            if (topLevel && !seen.Add(key.Value))
            {
                _diagnostics.Add(new Diagnostic(key.Range, $"duplicate key \"{key.Value}\"", IsWarning: true));
            }

            mapping.Entries.Add(new KeyValuePair<SyntaxScalar, SyntaxNode>(key, value));
        }

        _depth--;
        var endEvent = parser.Consume<MappingEnd>();
        var end = start.Style == MappingStyle.Flow || mapping.Entries.Count == 0
            ? AfterClosingBracket(endEvent)
            : mapping.Entries[^1].Value.Range.End;
        mapping.Range = mapping.Range with { End = end };
        return mapping;
    }

    private T Remember<T>(AnchorName anchor, T node)
        where T : SyntaxNode
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    /// <summary>YamlDotNet marks a flow collection's end event at its closing bracket; the node ends after it.</summary>
    private static SourcePosition AfterClosingBracket(ParsingEvent end) => end.End.Index > end.Start.Index
        ? Position(end.End)
        : new SourcePosition((int)end.Start.Line, (int)end.Start.Column + 1, (int)end.Start.Index + 1);

    private SourceRange RangeOf(Mark start, Mark end) => new(_environment, Position(start), Position(end));

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column, (int)mark.Index);
}
