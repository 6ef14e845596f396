using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.GitHub.Api;

namespace SecretSync.Core.Tests.Http;

public sealed class RedirectCredentialTests
{
    private const string PublicKey = """{"key_id":"568250167242549743","key":"2Sg8iYjAxxmI2LvUXpJjkYrMxURPc8r+dB7TJyvv1234"}""";

    [Theory]
    [InlineData("http://127.0.0.1:5002/api/v3/orgs/acme/actions/secrets/public-key")]
    [InlineData("https://127.0.0.1:5001/api/v3/orgs/acme/actions/secrets/public-key")]
    [InlineData("http://attacker.example/api/v3/orgs/acme/actions/secrets/public-key")]
    public async Task GitHub_WithRedirectToAnotherOrigin_ShouldNotForwardTheToken(string elsewhere)
    {
        var service = new FakeService(request => request.Uri.Port == 5001 && request.Uri.Scheme == "http"
            ? FakeService.Redirect(elsewhere)
            : FakeService.Json(PublicKey));
        var client = GitHubClientFactory.Create(service.Endpoint("GitHub", "http://127.0.0.1:5001/api/v3/"));

        var key = await client.Organization.Actions.Secrets.GetPublicKey("acme");

        Assert.Equal("568250167242549743", key.KeyId);
        var (first, second) = (service.Seen.First(), service.Seen.Last());
        Assert.Equal("Token tok-0123456789", first.Authorization);
        Assert.Equal(new Uri(elsewhere), second.Uri);
        Assert.Null(second.Authorization);
    }

    [Fact]
    public async Task GitHub_WithRedirectOnTheSameOrigin_ShouldKeepTheToken()
    {
        var service = new FakeService(request => request.Path.Contains("old-name", StringComparison.Ordinal)
            ? FakeService.Redirect("/api/v3/orgs/acme/actions/secrets/public-key", HttpStatusCode.MovedPermanently)
            : FakeService.Json(PublicKey));
        var client = GitHubClientFactory.Create(service.Endpoint("GitHub", "http://127.0.0.1:5001/api/v3/"));

        await client.Organization.Actions.Secrets.GetPublicKey("old-name");

        Assert.All(service.Seen, request => Assert.Equal("Token tok-0123456789", request.Authorization));
    }

    [Fact]
    public async Task Esc_WithReadRedirectedToAnotherPort_ShouldNotForwardTheToken()
    {
        var service = new FakeService(request => request.Uri.Port == 5001
            ? FakeService.Redirect("http://127.0.0.1:5002/api/esc/environments/acme/default/app", HttpStatusCode.TemporaryRedirect)
            : FakeService.Text("values: {}\n", "application/x-yaml", headers: new System.Collections.Generic.Dictionary<string, string> { ["Pulumi-ESC-Revision"] = "3", ["ETag"] = "\"e3\"" }));
        var client = new EscClient(service.Endpoint(), NullSyncReporter.Instance, clock: new ImmediateClock());

        var definition = await client.GetDefinitionAsync(EnvironmentRef.Parse("acme/app"), CancellationToken.None);

        Assert.Equal(3, definition.Revision);
        Assert.Equal("token tok-0123456789", service.Seen.First().Authorization);
        Assert.Null(service.Seen.Last().Authorization);
    }

    [Fact]
    public async Task Esc_WithUpdateRedirectedToAnotherHost_ShouldSendNeitherTokenNorBody()
    {
        var service = new FakeService(request => request.Uri.Host == "127.0.0.1"
            ? FakeService.Redirect("http://collector.example/api/esc/environments/acme/default/app", HttpStatusCode.PermanentRedirect)
            : FakeService.Json("{}"));
        var client = new EscClient(service.Endpoint(), NullSyncReporter.Instance, clock: new ImmediateClock());

        var error = await Assert.ThrowsAsync<UnexpectedServiceReplyException>(() => client.UpdateDefinitionAsync(EnvironmentRef.Parse("acme/app"), "values:\n  a: {fn::secret: hunter2-value}\n", "\"e3\"", CancellationToken.None));

        Assert.Single(service.Seen);
        Assert.Contains("redirect", error.Message, StringComparison.Ordinal);
        Assert.Contains("PULUMI_BACKEND_URL", error.Message, StringComparison.Ordinal);
    }
}
