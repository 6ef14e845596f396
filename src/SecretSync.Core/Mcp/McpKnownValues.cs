using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecretSync.Core.Mcp;

/// <summary>
/// Known secret values prepared for matching: longest first (so a value that contains another wins), then by
/// name for a stable result. Values that cannot be told from ordinary config text are dropped: booleans, numbers,
/// plain absolute paths, and anything shorter than <see cref="McpDetectionOptions.MinimumWholeValueLength"/>.
/// </summary>
internal sealed class McpKnownValues
{
    private static readonly Regex s_plainPath = new(@"^(?:/|~/|[A-Za-z]:[\\/])[^\s:]*$", RegexOptions.CultureInvariant);

    public McpKnownValues(IReadOnlyDictionary<string, string>? valuesByName, McpDetectionOptions options)
    {
        Entries = (valuesByName ?? new Dictionary<string, string>())
            .Where(pair => !string.IsNullOrEmpty(pair.Value) && IsDistinctive(pair.Value, options))
            .OrderByDescending(pair => pair.Value.Length)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key, pair.Value))
            .ToList();
        MinimumSubstringLength = options.MinimumSubstringLength;
    }

    public IReadOnlyList<(string Name, string Value)> Entries { get; }

    public int MinimumSubstringLength { get; }

    private static bool IsDistinctive(string value, McpDetectionOptions options) =>
        value.Length >= options.MinimumWholeValueLength
        && !McpSecretPatterns.IsTrivialValue(value)
        && !s_plainPath.IsMatch(value);
}
