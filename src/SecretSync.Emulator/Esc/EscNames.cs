using System.Text.RegularExpressions;

namespace SecretSync.Emulator.Esc;

/// <summary>
/// Name rules of the ESC OpenAPI spec (reference §2): letters, digits, '-', '_', '.', 1-100 characters, not '.' or
/// '..'; environment names 'open' and 'yaml' are reserved because they share the path space with /yaml/check.
/// The spec's lookaheads reject names merely starting with 'open'/'yaml'/'default' — a quirk not copied.
/// Organisation names: 3-40 letters, digits, '-' and '_', starting and ending with a letter or digit (spec orgName).
/// </summary>
internal static partial class EscNames
{
    public static bool IsValidProject(string name) => Allowed().IsMatch(name) && name is not "." and not "..";

    public static bool IsValidEnvironment(string name) => IsValidProject(name) && name is not "open" and not "yaml";

    public static bool IsValidOrganization(string name) => Organization().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]{1,38}[a-zA-Z0-9]$")]
    private static partial Regex Organization();

    [GeneratedRegex("^[a-zA-Z0-9_.-]{1,100}$")]
    private static partial Regex Allowed();
}
