using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SecretSync.Emulator.Esc.Yaml;

/// <summary>
/// Re-encodes a definition as ESC stores it: the service decodes every saved document and writes it again with
/// gopkg.in/yaml.v3 at indent 2 (pulumi/esc eval/crypt.go rewriteYAML), keeping comments, key order, flow or block
/// style and scalar styles, and single-quoting strings that would read as a number or a boolean
/// (syntax/encoding/yaml.go MarshalYAML). YamlDotNet's emitter stands in for yaml.v3's; docs/SERVICES.md lists
/// where the two write differently.
/// </summary>
internal static class YamlReencoder
{
    private static readonly EmitterSettings s_settings = new(
        bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: true, newLine: "\n");

    /// <summary>The re-encoded first document; text without one (empty, or comments only) is returned as it is.</summary>
    public static string Reencode(string text)
    {
        var events = FirstDocument(text);
        if (!events.OfType<DocumentStart>().Any())
        {
            return text;
        }

        var writer = new StringWriter();
        var emitter = new Emitter(writer, s_settings);
        var pending = new List<Comment>();
        foreach (var current in events)
        {
            // A comment line before a nested mapping or sequence belongs to its first entry (yaml.v3's head comment):
            // written after the start event, it lands at the entry's indentation.
            if (current is Comment { IsInline: false } comment)
            {
                pending.Add(comment);
                continue;
            }

            if (current is MappingStart or SequenceStart)
            {
                emitter.Emit(current);
                Flush(emitter, pending);
                continue;
            }

            Flush(emitter, pending);
            emitter.Emit(current is Scalar scalar ? Requoted(scalar) : current);
        }

        return writer.ToString();
    }

    private static List<ParsingEvent> FirstDocument(string text)
    {
        var events = new List<ParsingEvent>();
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
        while (parser.MoveNext())
        {
            events.Add(parser.Current!);
            if (parser.Current is DocumentEnd)
            {
                events.Add(new StreamEnd());
                break;
            }
        }

        return events;
    }

    private static void Flush(IEmitter emitter, List<Comment> pending)
    {
        foreach (var comment in pending)
        {
            emitter.Emit(comment);
        }

        pending.Clear();
    }

    /// <summary>MarshalYAML: a string that strconv.ParseFloat(s, 32) accepts, or "true"/"false", is single-quoted.</summary>
    private static Scalar Requoted(Scalar scalar)
    {
        var isString = scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty || !Eval.ScalarTyping.IsTypedPlain(scalar.Value);
        return isString && scalar.Style != ScalarStyle.SingleQuoted && (GoFloat.Parses32(scalar.Value) || scalar.Value is "true" or "false")
            ? new Scalar(scalar.Anchor, scalar.Tag, scalar.Value, ScalarStyle.SingleQuoted, scalar.Tag.IsEmpty, true, scalar.Start, scalar.End)
            : scalar;
    }
}
