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
                root = new YamlSourceReader(text, parser).ReadNode(0);
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
}
