using System;
using System.IO;
using SecretSync.Core.Plumbing.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// A parsed YAML document that remembers where every node is in the text, plus the layout facts edits need
/// (line ending, indentation step). Built from YamlDotNet parser events: the representation model and the
/// serializer would lose comments and formatting.
/// </summary>
internal sealed class YamlSourceDocument
{
    private const int MaxDepth = 256;
    private const int DefaultIndentStep = 2;

    private readonly string _text;
    private readonly LineMap _lines;

    private YamlSourceDocument(string text, YamlSourceNode? root)
    {
        _text = text;
        _lines = new LineMap(text);
        Root = root;
        Newline = Newlines.Of(text);
        IndentStep = YamlIndentStep.Detect(this, root) ?? DefaultIndentStep;
    }

    public string Text => _text;

    /// <summary>The root node, or null for an empty document (nothing, or only comments).</summary>
    public YamlSourceNode? Root { get; }

    /// <summary>The document's line ending; inserted lines use it so CRLF documents stay CRLF.</summary>
    public string Newline { get; }

    /// <summary>Columns per nesting level, taken from the first nested block mapping; 2 when there is none.</summary>
    public int IndentStep { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="EscDefinitionException"/> if it is not one YAML document.</summary>
    public static YamlSourceDocument Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            YamlSourceNode? root = null;
            if (parser.TryConsume<DocumentStart>(out _))
            {
                root = new Reader(text, parser).ReadNode(0);
                parser.Consume<DocumentEnd>();
                if (parser.Accept<DocumentStart>(out var second))
                {
                    throw new EscDefinitionException((int)second.Start.Line, (int)second.Start.Column, "the definition holds more than one YAML document");
                }
            }

            return new YamlSourceDocument(text, root);
        }
        catch (YamlException ex)
        {
            throw new EscDefinitionException((int)ex.Start.Line, (int)ex.Start.Column, "the definition is not valid YAML", ex);
        }
    }

    /// <summary>0-based column of <paramref name="index"/> within its line.</summary>
    public int ColumnOf(int index) => index - LineStartOf(index);

    /// <summary>1-based line of <paramref name="index"/>, for messages.</summary>
    public int LineOf(int index) => _lines.PositionOf(Math.Min(index, _text.Length)).Line;

    /// <summary>Index of the first character of the line holding <paramref name="index"/>.</summary>
    public int LineStartOf(int index) => _lines.LineStartOf(Math.Min(index, _text.Length));

    /// <summary>
    /// Index just after the line break ending the line that holds the character before <paramref name="end"/>
    /// (a node's end), or the text length if that line is the last. Trailing comments stay on their line.
    /// </summary>
    public int AfterLineOf(int end)
    {
        if (end > 0 && _text[end - 1] == '\n')
        {
            return end;
        }

        var newline = _text.IndexOf('\n', end);
        return newline < 0 ? _text.Length : newline + 1;
    }

    /// <summary>True when only spaces separate the start of its line from <paramref name="index"/>.</summary>
    public bool StartsItsLine(int index)
    {
        for (var i = LineStartOf(index); i < index; i++)
        {
            if (_text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Recursive descent over parser events, turning marks into spans.</summary>
    private sealed class Reader
    {
        private readonly string _text;
        private readonly IParser _parser;

        public Reader(string text, IParser parser)
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
}
