namespace SecretSync.Core.Tests.Text;

public sealed class LineMapTests
{
    [Theory]
    [InlineData("a\nb\r\nc\rd", 0, 1, 1)]
    [InlineData("a\nb\r\nc\rd", 2, 2, 1)]
    [InlineData("a\nb\r\nc\rd", 3, 2, 2)] // the CR of a CRLF is still on its line
    [InlineData("a\nb\r\nc\rd", 5, 3, 1)]
    [InlineData("a\nb\r\nc\rd", 7, 4, 1)] // a lone CR ends a line
    [InlineData("a\nb\r\nc\rd", 8, 4, 2)] // the end of the text
    [InlineData("\uFEFFab\nc", 2, 1, 2)] // a BOM is not a column
    [InlineData("\uFEFFab\nc", 4, 2, 1)]
    [InlineData("", 0, 1, 1)]
    public void PositionOf_ShouldCountCrlfLfAndLoneCrAsOneLineBreakEach(string text, int offset, int line, int column)
    {
        Assert.Equal((line, column), new LineMap(text).PositionOf(offset));
    }

    [Theory]
    [InlineData("ab\r\ncd", 1, 0)]
    [InlineData("ab\r\ncd", 3, 0)]
    [InlineData("ab\r\ncd", 5, 4)]
    [InlineData("ab\rcd\n", 4, 3)]
    [InlineData("ab\rcd\n", 6, 6)]
    public void LineStartOf_ShouldGiveTheIndexOfTheLinesFirstCharacter(string text, int offset, int start)
    {
        Assert.Equal(start, new LineMap(text).LineStartOf(offset));
    }
}
