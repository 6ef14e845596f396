using System.Security.Cryptography;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The last line of a generated workflow: a SHA-256 of everything above it. While it matches, the file is the
/// generator's own unmodified output and may be regenerated without -Force; a hand edit breaks it, and then only
/// -Force replaces the file. Line endings are compared as LF, so a checkout with CRLF still matches.
/// </summary>
internal static class GeneratedWorkflowMarker
{
    private const string Prefix = "# Content hash; New-SophiaSyncWorkflow replaces this file freely while it matches: sha256:";

    /// <summary><paramref name="body"/> (LF line endings, ending in LF) followed by its marker line.</summary>
    public static string Seal(string body) => body + Prefix + Hash(body) + "\n";

    /// <summary>True when <paramref name="text"/> ends with a marker line that matches the text above it.</summary>
    public static bool IsUnmodified(string text)
    {
        var normalized = (text ?? throw new ArgumentNullException(nameof(text))).Replace("\r\n", "\n");
        if (!normalized.EndsWith("\n", StringComparison.Ordinal))
        {
            return false;
        }

        var start = normalized.LastIndexOf('\n', normalized.Length - 2) + 1;
        var marker = normalized.Substring(start, normalized.Length - start - 1);
        return marker.StartsWith(Prefix, StringComparison.Ordinal)
            && string.Equals(marker.Substring(Prefix.Length), Hash(normalized.Substring(0, start)), StringComparison.Ordinal);
    }

    private static string Hash(string body)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(body));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
