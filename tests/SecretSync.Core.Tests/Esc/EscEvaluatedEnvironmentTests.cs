using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Tests.Esc;

public sealed class EscEvaluatedEnvironmentTests
{
    private const string Json = """
        {
          "exprs": {},
          "properties": {
            "linear": {"value": {
              "linear_api_key": {"value": "lin-123", "secret": true, "trace": {"def": {"begin": {"line": 1, "column": 1, "byte": 0}}}},
              "when": {"value": "2024-01-01T00:00:00Z", "secret": true},
              "port": {"value": 8080},
              "hidden": {"secret": true, "unknown": true},
              "list": {"value": [{"value": "a"}, {"value": true}]}
            }},
            "environmentVariables": {"value": {"LINEAR_API_KEY": {"value": "lin-123", "secret": true}}}
          }
        }
        """;

    [Theory]
    [InlineData("linear.linear_api_key", "lin-123", true)]
    [InlineData("linear.when", "2024-01-01T00:00:00Z", true)]
    [InlineData("environmentVariables.LINEAR_API_KEY", "lin-123", true)]
    [InlineData("linear.port", null, false)]
    [InlineData("linear.hidden", null, true)]
    public void Find_WithPath_ShouldReturnTheStringAndSecretFlag(string path, string? expected, bool isSecret)
    {
        var value = EscEvaluatedEnvironment.Parse(Json).Find(path);

        Assert.NotNull(value);
        Assert.Equal(expected, value.StringValue);
        Assert.Equal(isSecret, value.IsSecret);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("linear.missing")]
    [InlineData("linear.linear_api_key.deeper")]
    public void Find_WithAbsentPath_ShouldReturnNull(string path)
    {
        Assert.Null(EscEvaluatedEnvironment.Parse(Json).Find(path));
    }

    [Fact]
    public void Parse_WithArrayAndUnknown_ShouldExposeShapeWithoutValues()
    {
        var environment = EscEvaluatedEnvironment.Parse(Json);

        Assert.Equal(2, environment.Find("linear.list")!.Items.Count);
        Assert.True(environment.Find("linear.hidden")!.IsUnknown);
        Assert.Equal("string (secret)", environment.Find("linear.linear_api_key")!.ToString());
        Assert.Equal("object (5 properties)", environment.Find("linear")!.ToString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"properties\": null}")]
    public void Parse_WithoutProperties_ShouldBeEmpty(string json)
    {
        Assert.Empty(EscEvaluatedEnvironment.Parse(json).Properties);
    }

    [Theory]
    [InlineData("{\"properties\": {\"a\": {\"value\": \"sekrit-value")]
    [InlineData("{\"properties\": {\"a\": \"sekrit-value\"}}")]
    [InlineData("[\"sekrit-value\"]")]
    [InlineData("{\"properties\": [\"sekrit-value\"]}")]
    public void Parse_WithMalformedJson_ShouldThrowWithoutValues(string json)
    {
        var ex = Assert.Throws<EscEnvironmentFormatException>(() => EscEvaluatedEnvironment.Parse(json));

        Assert.DoesNotContain("sekrit", ex.ToString(), StringComparison.Ordinal);
    }
}
