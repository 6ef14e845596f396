using System.Text.RegularExpressions;

namespace SecretSync.Emulator.Esc;

/// <summary>Parses Go durations such as <c>2h0m0s</c>, <c>1h</c>, <c>90s</c>, <c>1.5h</c> (the open <c>duration</c> query).</summary>
internal static partial class GoDuration
{
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return TimeSpan.FromHours(1);
        }

        if (!Whole().IsMatch(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text))
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                _ => TimeSpan.FromMilliseconds(amount / 1000),
            };
        }

        return total;
    }

    [GeneratedRegex(@"^((\d*\.\d+|\d+)(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d*\.\d+|\d+)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}
