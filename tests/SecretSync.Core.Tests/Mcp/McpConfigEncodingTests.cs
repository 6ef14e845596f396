using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Tests.Mcp;

public sealed class McpConfigEncodingTests
{
    [Fact]
    public void DecodeEncode_WithBom_ShouldRoundTripBytes()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}', (byte)'\r', (byte)'\n' };

        var text = McpConfigEncoding.Decode(bytes, "f");

        Assert.Equal('\uFEFF', text[0]);
        Assert.Equal(bytes, McpConfigEncoding.Encode(text));
    }

    [Fact]
    public void DecodeEncode_WithoutBom_ShouldNotAddOne()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"k\": \"é\"}");

        Assert.Equal(bytes, McpConfigEncoding.Encode(McpConfigEncoding.Decode(bytes, "f")));
    }

    [Fact]
    public void Decode_WithInvalidUtf8_ShouldThrowParseException()
    {
        var bytes = new byte[] { (byte)'{', (byte)'\n', (byte)' ', 0xC3, 0x28, (byte)'}' };

        var ex = Assert.Throws<McpConfigParseException>(() => McpConfigEncoding.Decode(bytes, "f"));

        Assert.Equal(2, ex.Line);
    }
}
