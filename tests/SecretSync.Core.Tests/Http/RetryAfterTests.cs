using System.Net.Http.Headers;

namespace SecretSync.Core.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_WithDeltaSeconds_ShouldReturnThem()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Of(response, s_now));
    }

    [Fact]
    public void Of_WithDate_ShouldReturnTheTimeUntilThen()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(s_now.AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.Of(response, s_now));
    }

    [Fact]
    public void Of_WithExhaustedRateLimit_ShouldWaitForTheReset()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.Add("x-ratelimit-remaining", "0");
        response.Headers.Add("x-ratelimit-reset", s_now.AddSeconds(45).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromSeconds(45), RetryAfter.Of(response, s_now));
    }

    [Fact]
    public void Of_WithoutHints_ShouldReturnNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        response.Headers.Add("x-ratelimit-remaining", "10");

        Assert.Null(RetryAfter.Of(response, s_now));
    }
}
