using SecretSync.Core.Checks.Leaks;

namespace SecretSync.Core.Tests.Leaks;

public sealed class MultiPatternMatcherTests
{
    [Fact]
    public void FindAll_WithOverlappingPatternsAndSharedPrefixes_ShouldFindEveryOccurrenceInOrder()
    {
        var matcher = new MultiPatternMatcher(
        [
            new KnownValuePattern("abcdefgh", "A", LeakKind.KnownValue),
            new KnownValuePattern("abcdXYZ1", "B", LeakKind.KnownValue),
            new KnownValuePattern("defghijk", "C", LeakKind.KnownValue),
        ]);

        var found = matcher.FindAll("..abcdefghijk..abcdXYZ1 abcdefg").Select(m => (m.Index, m.Pattern.Name)).ToList();

        Assert.Equal([(2, "A"), (5, "C"), (15, "B")], found);
    }

    [Fact]
    public void FindAll_WithPatternAtTextEnd_ShouldFindIt()
    {
        var matcher = new MultiPatternMatcher([new KnownValuePattern("12345678", "A", LeakKind.KnownValue)]);

        Assert.Equal([0], matcher.FindAll("12345678").Select(m => m.Index));
        Assert.Equal([3], matcher.FindAll("xyz12345678").Select(m => m.Index));
    }

    [Fact]
    public void FindAll_WithNoPatterns_ShouldFindNothing()
    {
        Assert.Empty(new MultiPatternMatcher([]).FindAll("anything at all"));
    }
}
