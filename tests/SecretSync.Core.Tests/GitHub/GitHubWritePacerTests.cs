using System;
using SecretSync.Core.Stores.GitHub.Api;
using Xunit;

namespace SecretSync.Core.Tests.GitHub;

public sealed class GitHubWritePacerTests
{
    [Fact]
    public async System.Threading.Tasks.Task DelayNeeded_WithinMinuteLimit_ShouldWaitForTheOldestToAgeOut()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = now;
        var pacer = new GitHubWritePacer(3, 500, () => clock);
        for (var i = 0; i < 3; i++)
        {
            clock = now.AddSeconds(i * 10);
            await pacer.WaitAsync(default);
        }

        Assert.Equal(TimeSpan.FromSeconds(40), pacer.DelayNeeded(now.AddSeconds(20)));
        Assert.Equal(TimeSpan.Zero, pacer.DelayNeeded(now.AddSeconds(60)));
    }

    [Fact]
    public async System.Threading.Tasks.Task DelayNeeded_AtHourLimit_ShouldWaitForTheHourWindow()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = now;
        var pacer = new GitHubWritePacer(1000, 2, () => clock);
        await pacer.WaitAsync(default);
        clock = now.AddMinutes(30);
        await pacer.WaitAsync(default);

        Assert.Equal(TimeSpan.FromMinutes(15), pacer.DelayNeeded(now.AddMinutes(45)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Constructor_WithNonPositiveLimit_ShouldThrow(int perMinute, int perHour)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GitHubWritePacer(perMinute, perHour));
    }
}
