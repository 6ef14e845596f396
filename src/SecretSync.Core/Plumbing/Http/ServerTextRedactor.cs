using Newtonsoft.Json;

namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// Removes the token and every value this process knows from text a server sent (error messages, diagnostics,
/// reason phrases) before the text reaches an exception, a warning or a log. A server can echo what it was given,
/// and an error is printed, logged by CI and pasted into tickets.
/// </summary>
public sealed class ServerTextRedactor
{
    /// <summary>What replaces a known value.</summary>
    public const string Mask = "***";

    // Values of one or two characters would turn every message into asterisks and say nothing about a secret;
    // `esc run` draws the same line (pulumi/esc#288). Tokens are always masked, whatever their length.
    private const int MinimumValueLength = 3;

    private readonly object _lock = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private string[] _longestFirst = [];

    public ServerTextRedactor(string? token = null)
    {
        if (!string.IsNullOrEmpty(token))
        {
            AddSpellings([token!], always: true);
        }
    }

    /// <summary>Remembers <paramref name="value"/> (and its lines, and its JSON-escaped spelling) for redaction.</summary>
    public void Add(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            AddSpellings([value!], always: false);
        }
    }

    /// <summary>Remembers every value in <paramref name="values"/>.</summary>
    public void AddRange(IEnumerable<string?> values)
    {
        // One sort for the lot: a sync remembers every value it sends, and sorting after each would cost n² log n.
        AddSpellings(values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!), always: false);
    }

    /// <summary><paramref name="text"/> with each known value replaced by <see cref="Mask"/>.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var known = Volatile.Read(ref _longestFirst);
        var redacted = text!;
        foreach (var value in known)
        {
            if (redacted.IndexOf(value, StringComparison.Ordinal) >= 0)
            {
                redacted = redacted.Replace(value, Mask);
            }
        }

        return redacted;
    }

    private void AddSpellings(IEnumerable<string> values, bool always)
    {
        var spellings = new List<string>();
        foreach (var value in values)
        {
            spellings.Add(value);
            spellings.Add(JsonConvert.ToString(value).Trim('"'));
            spellings.AddRange(value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()));
        }

        lock (_lock)
        {
            var added = false;
            foreach (var spelling in spellings.Where(s => s.Length >= (always ? 1 : MinimumValueLength)))
            {
                added |= _known.Add(spelling);
            }

            if (added)
            {
                // Longest first, so a value containing another is masked whole.
                Volatile.Write(ref _longestFirst, _known.OrderByDescending(s => s.Length).ToArray());
            }
        }
    }
}
