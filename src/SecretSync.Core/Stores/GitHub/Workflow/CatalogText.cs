namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// What of the catalog may reach the generated workflow: names of one strict shape, and free text (category
/// headings) reduced to a small alphabet. Catalog text is hostile input; YAML 1.1 parsers also break lines at
/// U+0085, U+2028 and U+2029, so "strip control characters" is not enough. Everything outside the alphabet is
/// replaced, not escaped: there is no escaping inside a YAML comment.
/// </summary>
internal static class CatalogText
{
    /// <summary>Longest heading kept; a longer one is cut (the catalog keeps the full text).</summary>
    public const int MaxHeadingLength = 60;

    private static readonly Regex s_name = new("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>True when <paramref name="name"/> may appear in the workflow as a variable or secret name.</summary>
    public static bool IsSafeName(string name) => s_name.IsMatch(name);

    /// <summary>
    /// <paramref name="text"/> with every character outside A-Z, a-z, 0-9, space and <c>.,-_()&amp;/+</c> replaced by a
    /// space, runs of spaces folded, and cut to <see cref="MaxHeadingLength"/>; "(unnamed)" when nothing is left.
    /// </summary>
    public static string Heading(string text)
    {
        var safe = new StringBuilder(MaxHeadingLength);
        foreach (var c in text)
        {
            var kept = IsSafe(c) ? c : ' ';
            if (kept == ' ' && (safe.Length == 0 || safe[safe.Length - 1] == ' '))
            {
                continue;
            }

            if (safe.Length == MaxHeadingLength)
            {
                safe.Length = MaxHeadingLength - 3;
                safe.Append("...");
                break;
            }

            safe.Append(kept);
        }

        var heading = safe.ToString().TrimEnd();
        return heading.Length == 0 ? "(unnamed)" : heading;
    }

    private static bool IsSafe(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or ' ' or '.' or ',' or '-' or '_' or '(' or ')' or '&' or '/' or '+';
}
