namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>The heuristics for Suspected secrets: token prefixes (gitleaks-style) and entropy; names are <see cref="McpSecretKeyNames"/>.</summary>
internal static class McpSecretPatterns
{
    // Each prefix needs a body long enough that words such as "sk-learn" or "task-runner" never qualify.
    private static readonly Regex s_prefixed = new(
        @"-----BEGIN[A-Z ]*PRIVATE KEY-----[\s\S]*?-----END[A-Z ]*PRIVATE KEY-----"
        + @"|(?<![A-Za-z0-9_\-])(?:"
        + @"sk-ant-[A-Za-z0-9_\-]{20,}|sk-proj-[A-Za-z0-9_\-]{20,}|sk-[A-Za-z0-9_\-]{20,}"
        + @"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_\-]{20,}"
        + @"|xox[abeprs]-[A-Za-z0-9\-]{10,}|xapp-[A-Za-z0-9\-]{10,}|lin_(?:api|oauth)_[A-Za-z0-9]{20,}"
        + @"|(?:AKIA|ASIA)[A-Z0-9]{16}|AIza[A-Za-z0-9_\-]{35}|hf_[A-Za-z0-9]{30,}"
        + @"|(?:pk|sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|npm_[A-Za-z0-9]{36}|pul-[a-f0-9]{40}"
        + @"|dop_v1_[a-f0-9]{64}|SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}|eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]+"
        + @")(?![A-Za-z0-9_\-])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly string[] s_authSchemes = { "Bearer", "Basic", "Token", "Bot", "Digest" };

    /// <summary>Tokens with a known secret prefix (and PEM private keys).</summary>
    public static MatchCollection FindPrefixed(string value) => s_prefixed.Matches(value);

    /// <summary>Long tokens of letters and digits whose entropy reaches the threshold.</summary>
    public static IEnumerable<(int Start, int Length)> FindHighEntropy(string value, McpDetectionOptions options)
    {
        // Tokens are runs of [A-Za-z0-9+_-] plus up to two "=" of base64 padding, so "--api-key=VALUE" splits into
        // the flag and the value; scanned by hand because a regex allocates a Match per short word of a 1 MB file.
        var at = 0;
        while (at < value.Length)
        {
            if (!IsTokenChar(value[at]) || value[at] == '-')
            {
                at++;
                continue;
            }

            var end = at;
            while (end < value.Length && IsTokenChar(value[end]))
            {
                end++;
            }

            for (var pad = 0; pad < 2 && end < value.Length && value[end] == '='; pad++)
            {
                end++;
            }

            if (end - at >= options.EntropyMinimumLength && !IsDigest(value, at))
            {
                var token = value.Substring(at, end - at);
                if (HasLetterAndDigit(token) && ShannonEntropy(token) >= options.EntropyThreshold)
                {
                    yield return (at, end - at);
                }
            }

            at = end;
        }
    }

    /// <summary>Shannon entropy of <paramref name="text"/> in bits per character.</summary>
    public static double ShannonEntropy(string text)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in text)
        {
            counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / text.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    /// <summary>Values that are never secrets whatever their key: booleans, numbers, tiny strings.</summary>
    public static bool IsTrivialValue(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length < 4
            || string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, "null", StringComparison.OrdinalIgnoreCase)
            || double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Length of a leading <c>Bearer </c>/<c>Basic </c>/<c>Token </c> scheme at <paramref name="start"/>, else 0.</summary>
    public static int AuthSchemeLength(string value, int start)
    {
        foreach (var scheme in s_authSchemes)
        {
            var end = start + scheme.Length;
            if (end < value.Length && char.IsWhiteSpace(value[end])
                && string.Compare(value, start, scheme, 0, scheme.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                while (end < value.Length && char.IsWhiteSpace(value[end]))
                {
                    end++;
                }

                return end - start;
            }
        }

        return 0;
    }

    private static bool IsTokenChar(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '_' || c == '-';

    private static bool HasLetterAndDigit(string token)
    {
        bool letter = false, digit = false;
        foreach (var c in token)
        {
            letter |= char.IsLetter(c);
            digit |= char.IsDigit(c);
        }

        return letter && digit;
    }

    // Image digests (image@sha256:…) and checksums are random but public.
    private static bool IsDigest(string value, int index) =>
        index >= 7 && (string.CompareOrdinal(value, index - 7, "sha256:", 0, 7) == 0
            || (index >= 7 && string.CompareOrdinal(value, index - 7, "sha512:", 0, 7) == 0));
}
