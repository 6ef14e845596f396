using System.Text.RegularExpressions;

namespace SecretSync.Emulator.Esc.Yaml;

/// <summary>Whether Go's strconv.ParseFloat(s, 32) accepts a string: decimal or hex floats, inf/infinity/nan, in float32 range.</summary>
internal static partial class GoFloat
{
    public static bool Parses32(string text)
    {
        if (Special().IsMatch(text))
        {
            return true;
        }

        if (Hex().IsMatch(text))
        {
            return true;
        }

        return Decimal().IsMatch(text)
            && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) <= float.MaxValue;
    }

    [GeneratedRegex(@"^[+-]?(inf|infinity|nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex Special();

    [GeneratedRegex(@"^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex Decimal();
}
