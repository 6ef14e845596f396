using SecretSync.Core.Stores.GitHub.Workflow;

namespace SecretSync.Core.Tests.GitHub;

public sealed class WorkflowDispatchInputsTests
{
    [Fact]
    public void ToStrings_WithBooleansNumbersAndText_ShouldSendTheirTextAsTheActionsUiDoes()
    {
        var inputs = WorkflowDispatchInputs.ToStrings(new Dictionary<string, object?>
        {
            ["dry"] = true,
            ["force"] = false,
            ["count"] = 3,
            ["big"] = 12345678901L,
            ["ratio"] = 0.5,
            ["price"] = 1.25m,
            ["reason"] = "rotation",
            ["empty"] = string.Empty,
        });

        Assert.Equal("true", inputs["dry"]);
        Assert.Equal("false", inputs["force"]);
        Assert.Equal("3", inputs["count"]);
        Assert.Equal("12345678901", inputs["big"]);
        Assert.Equal("0.5", inputs["ratio"]);
        Assert.Equal("1.25", inputs["price"]);
        Assert.Equal("rotation", inputs["reason"]);
        Assert.Equal(string.Empty, inputs["empty"]);
    }

    [Fact]
    public void ToStrings_InAnotherCulture_ShouldStillWriteInvariantNumbers()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("0.5", WorkflowDispatchInputs.ToStrings(new Dictionary<string, object?> { ["ratio"] = 0.5 })["ratio"]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    public static IEnumerable<object?[]> Untextual() => [[null], [new[] { "a", "b" }], [new Dictionary<string, string>()]];

    [Theory]
    [MemberData(nameof(Untextual))]
    public void ToStrings_WithNullListOrMap_ShouldRefuseNamingTheInput(object? value)
    {
        var ex = Assert.Throws<ArgumentException>(() => WorkflowDispatchInputs.ToStrings(new Dictionary<string, object?> { ["names"] = value }));

        Assert.Contains("'names'", ex.Message, StringComparison.Ordinal);
    }
}
