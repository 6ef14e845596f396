using System.Text.Json;
using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>
/// The builtins the module relies on. Each result keeps the secretness of its argument, as esc's
/// evaluateBuiltin* functions do, so that e.g. fn::fromBase64 of a secret stays secret.
/// </summary>
internal static class EscBuiltins
{
    public static EscValue Evaluate(EscEvaluator evaluator, SyntaxMapping call, string name)
    {
        var argument = call.Entries[0].Value;
        if (name == "fn::secret")
        {
            return SecretBuiltin.Evaluate(evaluator, call, argument);
        }

        if (name.StartsWith("fn::open", StringComparison.Ordinal) || name.StartsWith("fn::rotate", StringComparison.Ordinal))
        {
            // Providers are not emulated: their outputs are unknown, as in a check.
            return EscValue.UnknownValue(call.Range);
        }

        var value = evaluator.EvaluateNode(argument, null);
        if (value.Unknown)
        {
            return EscValue.UnknownValue(call.Range, value.Secret);
        }

        var secret = ContainsSecret(value);
        switch (name)
        {
            case "fn::toBase64" when value.Kind == EscValueKind.String:
                return EscValue.String(Convert.ToBase64String(Encoding.UTF8.GetBytes(value.Text)), call.Range, secret);
            case "fn::fromBase64" when value.Kind == EscValueKind.String:
                return FromBase64(evaluator, call, value.Text, secret);
            case "fn::toString":
                return EscValue.String(ValueJson.Stringify(value), call.Range, secret);
            case "fn::toJSON":
                return EscValue.String(ValueJson.ToPlain(value)?.ToJsonString() ?? "null", call.Range, secret);
            case "fn::fromJSON" when value.Kind == EscValueKind.String:
                return FromJson(evaluator, call, value.Text, secret);
            case "fn::join" when value.Items is [{ Kind: EscValueKind.String } delimiter, { Items: { } parts }]:
                return EscValue.String(string.Join(delimiter.Text, parts.Select(ValueJson.Stringify)), call.Range, secret);
            case "fn::split" when value.Items is [{ Kind: EscValueKind.String } delimiter, { Kind: EscValueKind.String } text]:
                var pieces = Split(text.Text, delimiter.Text).Select(p => EscValue.String(p, call.Range, secret)).ToList();
                return EscValue.Array(pieces, call.Range);
            case "fn::concat" when value.Items is { } lists && lists.All(l => l.Items is not null):
                return EscValue.Array(lists.SelectMany(l => l.Items!).ToList(), call.Range);
            case "fn::toBase64" or "fn::fromBase64" or "fn::fromJSON" or "fn::join" or "fn::split" or "fn::concat":
                evaluator.Report(argument.Range, $"the argument to {name} has the wrong type");
                return EscValue.UnknownValue(call.Range, secret);
            default:
                evaluator.Report(call.Entries[0].Key.Range, $"unknown builtin function \"{name}\"");
                return EscValue.UnknownValue(call.Range);
        }
    }

    /// <summary>Go's strings.Split, which esc calls: an empty delimiter splits into characters (code points).</summary>
    private static IEnumerable<string> Split(string text, string delimiter) => delimiter.Length > 0
        ? text.Split(delimiter)
        : text.EnumerateRunes().Select(r => r.ToString());

    public static bool ContainsSecret(EscValue value) =>
        value.Secret
        || (value.Items?.Any(ContainsSecret) ?? false)
        || (value.Properties?.Values.Any(ContainsSecret) ?? false);

    private static EscValue FromBase64(EscEvaluator evaluator, SyntaxMapping call, string text, bool secret)
    {
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            evaluator.Report(call.Range, "fn::fromBase64: the argument is not valid base64");
            return EscValue.UnknownValue(call.Range, secret);
        }

        return EscValue.String(Encoding.UTF8.GetString(bytes, 0, written), call.Range, secret);
    }

    private static EscValue FromJson(EscEvaluator evaluator, SyntaxMapping call, string text, bool secret)
    {
        try
        {
            return JsonToValue.Convert(JsonNode.Parse(text), call.Range, secret);
        }
        catch (JsonException)
        {
            evaluator.Report(call.Range, "fn::fromJSON: the argument is not valid JSON");
            return EscValue.UnknownValue(call.Range, secret);
        }
    }
}
