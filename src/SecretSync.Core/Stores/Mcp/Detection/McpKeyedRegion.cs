namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>A part of a decoded string named by a key: an env key, header, <c>--flag</c>, query parameter or userinfo.</summary>
internal readonly struct McpKeyedRegion
{
    public McpKeyedRegion(string key, int start, int length)
    {
        Key = key;
        Start = start;
        Length = length;
    }

    public string Key { get; }

    public int Start { get; }

    public int Length { get; }

    public bool Contains(int start, int length) => start >= Start && start + length <= Start + Length;
}
