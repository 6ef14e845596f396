namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>RFC 6901 JSON Pointers.</summary>
internal static class JsonPointer
{
    /// <summary>Appends one reference token, escaping <c>~</c> as <c>~0</c> and <c>/</c> as <c>~1</c>.</summary>
    public static string Append(string parent, string segment) =>
        parent + "/" + segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Appends an array index.</summary>
    public static string Append(string parent, int index) =>
        parent + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
