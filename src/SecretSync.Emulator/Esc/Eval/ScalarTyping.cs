using System.Text.RegularExpressions;
using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>YAML 1.2 core-schema typing of plain scalars: null, booleans and numbers; anything else is a string.</summary>
internal static partial class ScalarTyping
{
    public static EscValue? TryTyped(SyntaxScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return null;
        }

        return Typed(scalar.Value, scalar.Range);
    }

    /// <summary>Whether a plain untagged scalar with this text reads as null, a boolean or a number.</summary>
    public static bool IsTypedPlain(string text) => Typed(text, null) is not null;

    private static EscValue? Typed(string text, SourceRange? range)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new EscValue { Kind = EscValueKind.Null, Def = range };
            case "true" or "True" or "TRUE":
                return new EscValue { Kind = EscValueKind.Bool, Text = "true", Def = range };
            case "false" or "False" or "FALSE":
                return new EscValue { Kind = EscValueKind.Bool, Text = "false", Def = range };
        }

        var number = CanonicalNumber(text);
        return number is null ? null : new EscValue { Kind = EscValueKind.Number, Text = number, Def = range };
    }

    private static string? CanonicalNumber(string text)
    {
        if (DecimalInteger().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value.ToString(CultureInfo.InvariantCulture)
                : double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text[2..]))
        {
            return Convert.ToInt64(text[2..], 16).ToString(CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text[2..]))
        {
            return Convert.ToInt64(text[2..], 8).ToString(CultureInfo.InvariantCulture);
        }

        if (Float().IsMatch(text))
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
        }

        return null;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^[0-9a-fA-F]{1,15}$")]
    private static partial Regex HexDigits();

    [GeneratedRegex("^[0-7]{1,20}$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
