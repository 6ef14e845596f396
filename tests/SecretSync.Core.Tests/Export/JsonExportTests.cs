using SecretSync.Core.Stores.Export;

namespace SecretSync.Core.Tests.Export;

public sealed class JsonExportTests
{
    [Fact]
    public void Format_WithDuplicateNames_ShouldKeepOrderAndLastValue()
    {
        var json = JsonExport.Format([new("B_TOKEN", "1"), new("A_TOKEN", "multi\n\"line\""), new("B_TOKEN", "2")]);

        Assert.Equal("{\n  \"B_TOKEN\": \"2\",\n  \"A_TOKEN\": \"multi\\n\\\"line\\\"\"\n}\n", json.Replace("\r\n", "\n"));
    }
}
