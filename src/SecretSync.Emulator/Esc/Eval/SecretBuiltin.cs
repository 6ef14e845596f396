using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>
/// fn::secret (reference §6.1-6.2): a plaintext argument must be a string literal and evaluates like one ($$
/// unescaped); a stored <c>{ciphertext}</c> decrypts to exactly the raw text that was encrypted, with no unescaping.
/// </summary>
internal static class SecretBuiltin
{
    public const string NotALiteral = "secret values must be string literals";

    public static EscValue Evaluate(EscEvaluator evaluator, SyntaxMapping call, SyntaxNode argument)
    {
        if (argument is SyntaxScalar scalar)
        {
            if (LiteralText(scalar) is { } literal)
            {
                return EscValue.String(literal, call.Range, secret: true);
            }

            evaluator.Report(argument.Range, NotALiteral);
            return EscValue.UnknownValue(call.Range, secret: true);
        }

        if (CiphertextOf(argument) is not { } ciphertext)
        {
            evaluator.Report(argument.Range, NotALiteral);
            return EscValue.UnknownValue(call.Range, secret: true);
        }

        if (evaluator.Mode == SecretMode.Redact)
        {
            return EscValue.UnknownValue(call.Range, secret: true);
        }

        if (Ciphertext.TryDecrypt(ciphertext.Value, out var problem) is not { } plaintext)
        {
            evaluator.Report(ciphertext.Range, problem);
            return EscValue.UnknownValue(call.Range, secret: true);
        }

        return EscValue.String(plaintext, call.Range, secret: true);
    }

    /// <summary>The evaluated text of a string-literal scalar, or null when it is typed or holds a property access.</summary>
    public static string? LiteralText(SyntaxScalar scalar)
    {
        if (ScalarTyping.TryTyped(scalar) is not null)
        {
            return null;
        }

        var parts = Interpolation.TryParse(scalar.Value, out _);
        return parts is [{ Access: null, Literal: { } literal }] ? literal : null;
    }

    /// <summary>The ciphertext scalar of a stored secret <c>{ciphertext: ...}</c>, if the node is one.</summary>
    public static SyntaxScalar? CiphertextOf(SyntaxNode node) =>
        node is SyntaxMapping { Entries.Count: 1 } mapping && mapping.Find("ciphertext") is SyntaxScalar scalar ? scalar : null;
}
