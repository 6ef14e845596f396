using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Tests.GitHub;

public sealed class GitHubWritePacerTests
{
    private readonly ImmediateClock _clock = new();

    [Fact]
    public async Task DelayNeeded_WithinMinuteLimit_ShouldWaitForTheOldestToAgeOut()
    {
        var start = _clock.GetUtcNow();
        var pacer = new GitHubWritePacer(3, 500, _clock);
        for (var i = 0; i < 3; i++)
        {
            await pacer.WaitAsync(default);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(TimeSpan.FromSeconds(40), pacer.DelayNeeded(start.AddSeconds(20)));
        Assert.Equal(TimeSpan.Zero, pacer.DelayNeeded(start.AddSeconds(60)));
    }

    [Fact]
    public async Task DelayNeeded_AtHourLimit_ShouldWaitForTheHourWindow()
    {
        var start = _clock.GetUtcNow();
        var pacer = new GitHubWritePacer(1000, 2, _clock);
        await pacer.WaitAsync(default);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await pacer.WaitAsync(default);

        Assert.Equal(TimeSpan.FromMinutes(15), pacer.DelayNeeded(start.AddMinutes(45)));
    }

    [Fact]
    public async Task WaitAsync_AtTheMinuteLimit_ShouldWaitByTheClockUntilTheOldestAgesOut()
    {
        var pacer = new GitHubWritePacer(3, 500, _clock);
        for (var i = 0; i < 3; i++)
        {
            await pacer.WaitAsync(default);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Empty(_clock.Waits);
        await pacer.WaitAsync(default);

        Assert.Equal(TimeSpan.FromSeconds(45), Assert.Single(_clock.Waits));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Constructor_WithNonPositiveLimit_ShouldThrow(int perMinute, int perHour)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GitHubWritePacer(perMinute, perHour));
    }
}
