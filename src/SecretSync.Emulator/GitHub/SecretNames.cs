using System.Text.RegularExpressions;

namespace SecretSync.Emulator.GitHub;

/// <summary>GitHub's secret naming rules (github-api §1.5): [A-Za-z0-9_], not starting with a digit or GITHUB_.</summary>
internal static partial class SecretNames
{
    public static string? Problem(string name)
    {
        if (!Allowed().IsMatch(name))
        {
            return "Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_), and must not start with a number.";
        }

        return name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) ? "Secret names must not start with GITHUB_." : null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,254}$")]
    private static partial Regex Allowed();
}
