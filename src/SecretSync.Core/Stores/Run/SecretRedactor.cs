namespace SecretSync.Core.Stores.Run;

/// <summary>
/// Replaces every spelling of the secret values in a run of output bytes with <c>[secret]</c>: the value, each line of
/// a multi-line value, their URL-encoded and base64 forms. It works on bytes (each byte read as one Latin-1 char), so
/// output that is not UTF-8 passes through unchanged and a match is a match of the value's UTF-8 bytes. Values
/// shorter than 3 characters are not filtered, as <c>esc run</c> does: they would match everywhere.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>Shorter values (and lines of values) are not filtered.</summary>
    public const int MinimumLength = 3;

    /// <summary>Base64 fragments shorter than this are not filtered: they would match ordinary words.</summary>
    private const int MinimumBase64Length = 8;

    private static readonly Encoding s_bytes = Encoding.GetEncoding(28591);
    private static readonly byte[] s_replacement = Encoding.ASCII.GetBytes("[secret]");

    private readonly MultiPatternMatcher _matcher;
    private readonly string[] _short;

    public SecretRedactor(IEnumerable<string> secrets)
    {
        var spellings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            foreach (var part in new[] { secret }.Concat(secret.Split(["\r\n", "\n", "\r"], StringSplitOptions.None)))
            {
                if (part.Length < MinimumLength)
                {
                    continue;
                }

                // The leak scanner's spellings hold the value's whole 3-byte groups only; the encoding of the whole
                // value, padding included, also hides its last bytes when it stands alone.
                var whole = Convert.ToBase64String(Encoding.UTF8.GetBytes(part));
                var texts = KnownValueSpellings.Of(string.Empty, part, MinimumBase64Length).Select(p => p.Text)
                    .Concat([whole, whole.TrimEnd('=').Replace('+', '-').Replace('/', '_')]);
                foreach (var text in texts)
                {
                    // Output is filtered line by line, so a spelling that spans lines can never match; its lines do.
                    if (text.IndexOfAny(['\n', '\r']) < 0)
                    {
                        spellings.Add(s_bytes.GetString(Encoding.UTF8.GetBytes(text)));
                    }
                }
            }
        }

        _matcher = new MultiPatternMatcher(spellings
            .Where(s => s.Length >= MultiPatternMatcher.MinimumPatternLength)
            .Select(s => new KnownValuePattern(s, string.Empty, ValueSpelling.AsIs)));
        _short = spellings.Where(s => s.Length < MultiPatternMatcher.MinimumPatternLength).ToArray();
    }

    /// <summary>True when there is nothing to filter: output can be copied as it is.</summary>
    public bool IsEmpty => _matcher.Count == 0 && _short.Length == 0;

    /// <summary>Writes <paramref name="count"/> bytes of <paramref name="buffer"/> to <paramref name="output"/>, secrets replaced. The caller hands whole lines.</summary>
    public void Write(byte[] buffer, int offset, int count, Stream output)
    {
        var spans = IsEmpty ? [] : Matches(s_bytes.GetString(buffer, offset, count));
        int written = 0;
        foreach (var (start, end) in spans)
        {
            output.Write(buffer, offset + written, start - written);
            output.Write(s_replacement, 0, s_replacement.Length);
            written = end;
        }

        output.Write(buffer, offset + written, count - written);
    }

    /// <summary>The matched ranges [start, end), overlapping and adjacent ones merged, in order.</summary>
    private List<(int Start, int End)> Matches(string text)
    {
        var found = _matcher.FindAll(text).Select(m => (m.Index, m.Index + m.Pattern.Text.Length)).ToList();
        foreach (var value in _short)
        {
            for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            {
                found.Add((at, at + value.Length));
            }
        }

        if (_short.Length > 0)
        {
            found.Sort();
        }

        var merged = new List<(int Start, int End)>();
        foreach (var (start, end) in found)
        {
            if (merged.Count > 0 && start <= merged[merged.Count - 1].End)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Start, Math.Max(last.End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }
}
