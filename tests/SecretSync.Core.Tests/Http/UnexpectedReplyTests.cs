using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Tests.Http;

/// <summary>Odd replies (HTML, empty, cut short, another shape) end in one clear error naming endpoint, status and what to check.</summary>
public sealed class UnexpectedReplyTests
{
    private const string Html = "<!DOCTYPE html>\n<html><head><title>Sign in - Corporate Proxy</title></head><body>…</body></html>";
    private static readonly EnvironmentRef s_environment = EnvironmentRef.Parse("acme/app");

    public static TheoryData<string, string, string> EscReplies => new()
    {
        { "open", Html, "text/html" },
        { "open", string.Empty, "application/json" },
        { "open", """{"id": "abc""", "application/json" },
        { "open", """["abc"]""", "application/json" },
        { "open", """{"id": {"nested": 1}}""", "application/json" },
        { "check", Html, "text/html" },
        { "check", string.Empty, "application/json" },
        { "check", """{"properties": {"a": """, "application/json" },
        { "list", """{"environments": {"a": 1}}""", "application/json" },
        { "list", """{"environments": [], "nextToken": {"x": 1}}""", "application/json" },
        { "list", "null", "application/json" },
        { "versions", """{"number": 1}""", "application/json" },
        { "versions", "[1, 2]", "application/json" },
        { "list", """{"environments": [1]}""", "application/json" },
        { "read", Html, "text/html" },
    };

    [Theory]
    [MemberData(nameof(EscReplies))]
    public async Task Esc_WithOddSuccessfulReply_ShouldFailClearly(string call, string body, string mediaType)
    {
        var service = new FakeService(_ => FakeService.Text(body, mediaType, headers: new System.Collections.Generic.Dictionary<string, string> { ["Pulumi-ESC-Revision"] = "3" }));
        var client = new EscClient(service.Endpoint(), NullSyncReporter.Instance, TimeSpan.FromMilliseconds(1), new ImmediateClock());

        var error = await Assert.ThrowsAsync<UnexpectedServiceReplyException>(() => call switch
        {
            "open" => client.OpenAsync(s_environment, CancellationToken.None),
            "check" => client.CheckAsync(s_environment, "values: {}", showSecrets: false, CancellationToken.None),
            "list" => client.ListAsync("acme", CancellationToken.None),
            "versions" => client.ListRevisionsAsync(s_environment, null, 10, CancellationToken.None),
            _ => client.GetDefinitionAsync(s_environment, CancellationToken.None),
        });

        AssertClear(error, "127.0.0.1:5001", "PULUMI_BACKEND_URL");
    }

    [Fact]
    public async Task Esc_WithHtmlErrorPage_ShouldQuoteOneRedactedLine()
    {
        var service = new FakeService(_ => FakeService.Text("<html>\n<body>Bad gateway for token tok-0123456789</body>\n</html>", "text/html", HttpStatusCode.BadGateway));
        var client = new EscClient(service.Endpoint(), NullSyncReporter.Instance, TimeSpan.FromMilliseconds(1), new ImmediateClock());

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => client.GetDefinitionAsync(s_environment, CancellationToken.None));

        Assert.DoesNotContain("tok-0123456789", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("</body>", error.Message, StringComparison.Ordinal);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.Contains("5 attempts", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, HttpStatusCode> GitHubReplies => new()
    {
        { Html, "text/html", HttpStatusCode.OK },
        { string.Empty, "application/json", HttpStatusCode.OK },
        { """{"key_id":"1","key":"abc""", "application/json", HttpStatusCode.OK },
        { """{"message":"hello"}""", "application/json", HttpStatusCode.OK },
        { """[1, 2]""", "application/json", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(GitHubReplies))]
    public async Task GitHub_WithOddSuccessfulReply_ShouldFailClearly(string body, string mediaType, HttpStatusCode status)
    {
        var service = new FakeService(_ => FakeService.Text(body, mediaType, status));
        var endpoint = service.Endpoint("GitHub", "http://127.0.0.1:5001/api/v3/");
        var client = GitHubClientFactory.Create(endpoint);

        var error = await Assert.ThrowsAsync<UnexpectedServiceReplyException>(() => new GitHubRetry(NullSyncReporter.Instance, baseDelay: TimeSpan.FromMilliseconds(1), clock: new ImmediateClock())
            .CallAsync(_ => client.Organization.Actions.Secrets.GetPublicKey("acme"), endpoint, "organisation acme's public key", CancellationToken.None));

        AssertClear(error, "127.0.0.1:5001", "GITHUB_API_URL");
        Assert.Single(service.Seen);
    }

    [Fact]
    public async Task GitHub_WithErrorEchoingTheToken_ShouldRedactIt()
    {
        var service = new FakeService(_ => FakeService.Json("""{"message":"Invalid request: token tok-0123456789 cannot set hunter2-value-xyz","documentation_url":"https://docs.github.com"}""", (HttpStatusCode)422));
        var endpoint = service.Endpoint("GitHub", "http://127.0.0.1:5001/api/v3/");
        endpoint.Redactor.Add("hunter2-value-xyz");
        var client = GitHubClientFactory.Create(endpoint);

        var error = await Assert.ThrowsAsync<ServiceException>(() => new GitHubRetry(NullSyncReporter.Instance, clock: new ImmediateClock())
            .CallAsync(_ => client.Organization.Actions.Secrets.GetPublicKey("acme"), endpoint, "organisation acme's public key", CancellationToken.None));

        Assert.DoesNotContain("tok-0123456789", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-value-xyz", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid request", error.Message, StringComparison.Ordinal);
    }

    private static void AssertClear(UnexpectedServiceReplyException error, string host, string variable)
    {
        Assert.Contains(host, error.Message, StringComparison.Ordinal);
        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Newtonsoft", error.Message, StringComparison.Ordinal);
    }
}
