using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecretSync.Core.DotEnv;

/// <summary>
/// python-dotenv's interpolation (src/dotenv/variables.py, dotenv_values): only <c>${NAME}</c> and
/// <c>${NAME:-default}</c>, never bare <c>$NAME</c>, in every value including single-quoted ones (#422), after
/// escapes are decoded. A name resolves to the latest earlier key of the same file, then to the lookup; a name
/// found with an empty value stays empty (python's <c>:-</c> acts like <c>-</c>). Ours because DotNetEnv 3.0.0
/// expands bare <c>$NAME</c>, has no <c>:-</c> and, with NoEnvVars, cannot see earlier keys (#92).
/// </summary>
internal static class DotEnvInterpolation
{
    private static readonly Regex s_variable = new(@"\$\{(?<name>[^}:]*)(?::-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant);

    public static string Expand(string value, IReadOnlyDictionary<string, string> earlierKeys, Func<string, string?> lookup)
    {
        if (value.IndexOf("${", StringComparison.Ordinal) < 0)
        {
            return value;
        }

        return s_variable.Replace(value, match =>
        {
            string name = match.Groups["name"].Value;
            if (earlierKeys.TryGetValue(name, out var fromFile))
            {
                return fromFile;
            }

            // No variable has an empty name (and Environment.GetEnvironmentVariable("") throws).
            string? fromLookup = name.Length == 0 ? null : lookup(name);
            return fromLookup ?? match.Groups["default"].Value;
        });
    }
}
