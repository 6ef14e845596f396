namespace SecretSync.Core.Tests.Text;

public sealed class TextSplicesTests
{
    [Fact]
    public void ApplyTo_WithSplicesAddedOutOfOrder_ShouldApplyEachAtItsOriginalPosition()
    {
        var splices = new TextSplices();
        splices.Replace(8, 9, "Z");
        splices.Replace(0, 3, "one");
        splices.Replace(4, 4, "+");

        Assert.Equal("one +abcdZ", splices.ApplyTo("xyz abcdX"));
    }

    [Fact]
    public void ApplyTo_WithInsertionsAtOnePosition_ShouldPutHigherPriorityFirstThenKeepTheirOrder()
    {
        var splices = new TextSplices();
        splices.Replace(1, 1, "b");
        splices.Replace(1, 1, "c");
        splices.Replace(1, 1, "a", priority: 2);

        Assert.Equal("xabcy", splices.ApplyTo("xy"));
    }

    [Fact]
    public void ApplyTo_WithAnInsertionWhereAReplacementStarts_ShouldInsertBeforeIt()
    {
        var splices = new TextSplices();
        splices.Replace(2, 4, "REPLACED");
        splices.Replace(2, 2, "+");

        Assert.Equal("ab+REPLACEDef", splices.ApplyTo("abcdef"));
    }

    [Theory]
    [InlineData(1, 4, 3, 5)]
    [InlineData(0, 3, 2, 2)]
    public void ApplyTo_WithOverlappingSplices_ShouldRefuse(int start1, int end1, int start2, int end2)
    {
        var splices = new TextSplices();
        splices.Replace(start1, end1, "x");
        splices.Replace(start2, end2, "y");

        Assert.Throws<InvalidOperationException>(() => splices.ApplyTo("abcdef"));
    }

    [Fact]
    public void ApplyTo_WithASpliceBeyondTheText_ShouldRefuse()
    {
        Assert.Throws<InvalidOperationException>(() => TextSplices.Apply("abc", 2, 9, "x"));
    }

    [Fact]
    public void Apply_WithNoSplices_ShouldReturnTheText()
    {
        Assert.Equal("abc", TextSplices.Apply("abc", []));
    }
}
