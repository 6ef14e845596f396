namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>
/// Bytes to text and back without losing a BOM: the BOM travels as a leading U+FEFF, so a rewrite that keeps the
/// text's first character keeps the file's first three bytes.
/// </summary>
public static class McpConfigEncoding
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (BOM kept as U+FEFF); invalid UTF-8 is an <see cref="McpConfigParseException"/>.</summary>
    public static string Decode(byte[] bytes, string filePath)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = (1, 1);
            if (ex.Index >= 0)
            {
                var prefix = new UTF8Encoding(false, false).GetString(bytes, 0, ex.Index);
                (line, column) = new LineMap(prefix).PositionOf(prefix.Length);
            }

            throw new McpConfigParseException(
                filePath, line, column, "The file is not valid UTF-8; save it as UTF-8 and run again. It was not changed.", ex);
        }
    }

    /// <summary>Encodes back to UTF-8; a leading U+FEFF becomes the BOM again.</summary>
    public static byte[] Encode(string text) => s_strictUtf8.GetBytes(text);
}
