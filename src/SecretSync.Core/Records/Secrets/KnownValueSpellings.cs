namespace SecretSync.Core.Records.Secrets;

/// <summary>The ways a value shows up in files: verbatim, percent-encoded, and base64 at any alignment.</summary>
internal static class KnownValueSpellings
{
    public static IEnumerable<KnownValuePattern> Of(string name, string value, int minimumLength)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { value };
        yield return new KnownValuePattern(value, name, ValueSpelling.AsIs);

        var escaped = Uri.EscapeDataString(value);
        foreach (var url in new[] { escaped, LowerHex(escaped), WebUtility.UrlEncode(value) })
        {
            if (seen.Add(url))
            {
                yield return new KnownValuePattern(url, name, ValueSpelling.UrlEncoded);
            }
        }

        // Inside a longer base64 text the value starts at byte offset 0, 1 or 2 of a 3-byte group; for each offset
        // the characters that encode only the value's own whole groups are fixed whatever surrounds them.
        var bytes = Encoding.UTF8.GetBytes(value);
        for (int offset = 0; offset < 3; offset++)
        {
            int whole = (bytes.Length - offset) / 3 * 3;
            if (whole <= 0)
            {
                break;
            }

            var standard = Convert.ToBase64String(bytes, offset, whole);
            foreach (var base64 in new[] { standard, standard.Replace('+', '-').Replace('/', '_') })
            {
                if (base64.Length >= minimumLength && seen.Add(base64))
                {
                    yield return new KnownValuePattern(base64, name, ValueSpelling.Base64);
                }
            }
        }
    }

    private static string LowerHex(string escaped)
    {
        var text = escaped.ToCharArray();
        for (int i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '%')
            {
                text[i + 1] = char.ToLowerInvariant(text[i + 1]);
                text[i + 2] = char.ToLowerInvariant(text[i + 2]);
                i += 2;
            }
        }

        return new string(text);
    }
}
