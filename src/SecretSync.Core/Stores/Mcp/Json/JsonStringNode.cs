namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>
/// A string token: its decoded value plus a map from decoded indices back to source offsets, because escapes
/// (<c>\"</c>, <c>\\</c>, <c>\/</c>, <c>\u00e9</c>) make a substring of the value and its source span differ.
/// </summary>
internal sealed class JsonStringNode : JsonNode
{
    // Null when the token has no escapes: then decoded index i sits at ContentStart + i.
    private readonly int[]? _rawOffsets;

    internal JsonStringNode(int start, int end, string pointer, string value, int[]? rawOffsets)
        : base(start, end, pointer)
    {
        Value = value;
        _rawOffsets = rawOffsets;
    }

    /// <summary>The decoded value.</summary>
    public string Value { get; }

    /// <summary>Offset of the first character after the opening quote.</summary>
    public int ContentStart => Start + 1;

    /// <summary>Offset of the closing quote.</summary>
    public int ContentEnd => End - 1;

    /// <summary>True when the source spells the value with escapes.</summary>
    public bool HasEscapes => _rawOffsets is not null;

    /// <summary>
    /// Source offset where decoded character <paramref name="decodedIndex"/> begins; <c>Value.Length</c> maps to the
    /// closing quote, so a decoded range [a, b) is the source range [RawOffsetOf(a), RawOffsetOf(b)).
    /// </summary>
    public int RawOffsetOf(int decodedIndex) =>
        _rawOffsets is null ? ContentStart + decodedIndex : _rawOffsets[decodedIndex];
}
