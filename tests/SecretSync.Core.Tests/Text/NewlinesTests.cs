namespace SecretSync.Core.Tests.Text;

public sealed class NewlinesTests
{
    [Theory]
    [InlineData("a\r\nb\n", "\r\n")]
    [InlineData("a\nb\r\n", "\n")]
    [InlineData("a\rb\r\n", "\r")]
    [InlineData("a\r", "\r")]
    [InlineData("no break", "\n")]
    [InlineData("", "\n")]
    public void Of_ShouldTakeTheFirstLineBreak(string text, string expected)
    {
        Assert.Equal(expected, Newlines.Of(text));
    }

    [Theory]
    [InlineData("a\nb\n", "\r\n", "a\r\nb\r\n")]
    [InlineData("a\nb\n", "\r", "a\rb\r")]
    [InlineData("a\nb\n", "\n", "a\nb\n")]
    public void Use_ShouldReplaceEveryLf(string text, string newline, string expected)
    {
        Assert.Equal(expected, Newlines.Use(text, newline));
    }

    [Theory]
    [InlineData("a\r\nb", 1, false)]
    [InlineData("a\r\nb", 2, true)]
    [InlineData("a\rb", 1, true)]
    [InlineData("a\r", 1, true)]
    [InlineData("ab", 0, false)]
    public void EndsLineAt_ShouldTreatCrlfAsOneBreak(string text, int index, bool expected)
    {
        Assert.Equal(expected, Newlines.EndsLineAt(text, index));
    }
}
