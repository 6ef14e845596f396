namespace SecretSync.Core.Tests.Secrets;

public sealed class MultiPatternMatcherTests
{
    [Fact]
    public void FindAll_WithOverlappingPatternsAndSharedPrefixes_ShouldFindEveryOccurrenceInOrder()
    {
        var matcher = new MultiPatternMatcher(
        [
            new KnownValuePattern("abcdefgh", "A", ValueSpelling.AsIs),
            new KnownValuePattern("abcdXYZ1", "B", ValueSpelling.AsIs),
            new KnownValuePattern("defghijk", "C", ValueSpelling.AsIs),
        ]);

        var found = matcher.FindAll("..abcdefghijk..abcdXYZ1 abcdefg").Select(m => (m.Index, m.Pattern.Name)).ToList();

        Assert.Equal([(2, "A"), (5, "C"), (15, "B")], found);
    }

    [Fact]
    public void FindAll_WithPatternAtTextEnd_ShouldFindIt()
    {
        var matcher = new MultiPatternMatcher([new KnownValuePattern("12345678", "A", ValueSpelling.AsIs)]);

        Assert.Equal([0], matcher.FindAll("12345678").Select(m => m.Index));
        Assert.Equal([3], matcher.FindAll("xyz12345678").Select(m => m.Index));
    }

    [Fact]
    public void FindAll_WithNoPatterns_ShouldFindNothing()
    {
        Assert.Empty(new MultiPatternMatcher([]).FindAll("anything at all"));
    }
}
