using SecretSync.Emulator.Esc.Eval;
using YamlDotNet.Core;

namespace SecretSync.Emulator.Esc.Yaml;

/// <summary>
/// Rewrites the secrets of a definition by splicing text at node positions, then re-encodes the whole document as
/// the service does on every save and every /decrypt (pulumi/esc eval/crypt.go; <see cref="YamlReencoder"/>).
/// </summary>
internal static class SecretRewriter
{
    /// <summary>
    /// Each plaintext <c>fn::secret: &lt;string&gt;</c> becomes a <c>ciphertext</c> mapping of its raw YAML string:
    /// a block mapping under a block call (as esc stores it), a flow one inside a flow call.
    /// </summary>
    public static string EncryptSecrets(string text, SyntaxNode? root) =>
        YamlReencoder.Reencode(Rewrite(text, root, (call, argument) =>
        {
            if (argument is not SyntaxScalar scalar)
            {
                return null;
            }

            var ciphertext = Ciphertext.Encrypt(scalar.Value);
            return text[call.Range.Begin.Offset] == '{'
                ? "{ciphertext: " + ciphertext + "}"
                : "\n" + new string(' ', call.Entries[0].Key.Range.Begin.Column + 1) + "ciphertext: " + ciphertext;
        }));

    /// <summary>Each <c>{ciphertext: ...}</c> becomes the plaintext as a double-quoted scalar (the /decrypt view).</summary>
    public static string DecryptSecrets(string text, SyntaxNode? root) =>
        YamlReencoder.Reencode(Rewrite(text, root, (call, argument) => SecretBuiltin.CiphertextOf(argument) is { } ciphertext
            && Ciphertext.TryDecrypt(ciphertext.Value, out _) is { } plaintext
                ? YamlQuoting.DoubleQuoted(plaintext)
                : null));

    private static string Rewrite(string text, SyntaxNode? root, Func<SyntaxMapping, SyntaxNode, string?> replace)
    {
        var edits = new SortedDictionary<int, (int End, string Text)>();
        var seen = new HashSet<SyntaxNode>(ReferenceEqualityComparer.Instance);
        Visit(root, seen, (call, argument) =>
        {
            if (replace(call, argument) is { } replacement)
            {
                var start = argument.Range.Begin.Offset;
                edits[start] = (TrimmedEnd(text, argument), replacement);
            }
        });

        if (edits.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + (edits.Count * 32));
        var copied = 0;
        foreach (var (start, (end, replacement)) in edits)
        {
            builder.Append(text, copied, start - copied).Append(replacement);
            copied = end;
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static void Visit(SyntaxNode? node, HashSet<SyntaxNode> seen, Action<SyntaxMapping, SyntaxNode> onSecretArgument)
    {
        if (node is null || !seen.Add(node))
        {
            return;
        }

        switch (node)
        {
            case SyntaxMapping { BuiltinName: "fn::secret" } call:
                onSecretArgument(call, call.Entries[0].Value);
                break;
            case SyntaxMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Visit(entry.Value, seen, onSecretArgument);
                }

                break;
            case SyntaxSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Visit(item, seen, onSecretArgument);
                }

                break;
        }
    }

    /// <summary>Block scalars and block mappings end after their line breaks; those must stay in the text.</summary>
    private static int TrimmedEnd(string text, SyntaxNode node)
    {
        var end = Math.Min(node.Range.End.Offset, text.Length);
        var trims = node is not SyntaxScalar scalar || scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        while (trims && end > node.Range.Begin.Offset && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
