namespace SecretSync.Core.Tests.Credentials;

public sealed class EndpointResolverTests
{
    private static Func<string, string?> Env(Dictionary<string, string> values) => name => values.TryGetValue(name, out var v) ? v : null;

    [Fact]
    public void Esc_WithVariables_ShouldUseThemAndHideTheToken()
    {
        var endpoint = EndpointResolver.Esc(null, Env(new() { ["PULUMI_ACCESS_TOKEN"] = "pul-secret-token", ["PULUMI_BACKEND_URL"] = "http://127.0.0.1:5000" }));

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), endpoint.BaseAddress);
        Assert.Equal("Pulumi ESC at 127.0.0.1:5000", endpoint.ToString());
        Assert.DoesNotContain("pul-secret-token", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Esc_WithoutToken_ShouldNameTheVariable()
    {
        var error = Assert.Throws<MissingCredentialException>(() => EndpointResolver.Esc(null, Env([])));

        Assert.Contains("PULUMI_ACCESS_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_WithGhTokenOnlyAndParameter_ShouldPreferTheParameter()
    {
        var fromVariable = EndpointResolver.GitHub(null, Env(new() { ["GH_TOKEN"] = "gh" }));
        var fromParameter = EndpointResolver.GitHub(SecureStrings.From("param"), Env(new() { ["GH_TOKEN"] = "gh" }));

        Assert.Equal("gh", fromVariable.Token);
        Assert.Equal("param", fromParameter.Token);
        Assert.Equal(new Uri("https://api.github.com/"), fromVariable.BaseAddress);
    }

    [Fact]
    public void GitHub_WithRelativeApiUrl_ShouldRefuseIt()
    {
        var error = Assert.Throws<MissingCredentialException>(() => EndpointResolver.GitHub(null, Env(new() { ["GITHUB_TOKEN"] = "t", ["GITHUB_API_URL"] = "not a url" })));

        Assert.Contains("GITHUB_API_URL", error.Message, StringComparison.Ordinal);
    }
    [Theory]
    [InlineData("PULUMI_BACKEND_URL", "http://esc.internal.example:8080")]
    [InlineData("GITHUB_API_URL", "http://ghe.example.com/api/v3")]
    [InlineData("GITHUB_API_URL", "http://10.0.0.7/api/v3")]
    [InlineData("GITHUB_API_URL", "http://127.0.0.1.nip.io/api/v3")]
    public void Resolve_WithPlainHttpOffLoopback_ShouldRefuseAndSayWhy(string variable, string url)
    {
        var environment = Env(new() { ["PULUMI_ACCESS_TOKEN"] = "p", ["GITHUB_TOKEN"] = "g", [variable] = url });

        var error = Assert.Throws<InsecureEndpointException>(() => Resolve(variable, environment));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains("in clear text", error.Message, StringComparison.Ordinal);
        Assert.Contains(EndpointResolver.AllowInsecureVariable, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://127.8.9.10:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("https://esc.internal.example")]
    public void Esc_WithLoopbackOrHttps_ShouldAcceptIt(string url)
    {
        var endpoint = EndpointResolver.Esc(null, Env(new() { ["PULUMI_ACCESS_TOKEN"] = "p", ["PULUMI_BACKEND_URL"] = url }));

        Assert.Equal(new Uri(url + "/"), endpoint.BaseAddress);
    }

    [Fact]
    public void GitHub_WithPlainHttpAndTheOptIn_ShouldAcceptIt()
    {
        var endpoint = EndpointResolver.GitHub(null, Env(new() { ["GITHUB_TOKEN"] = "g", ["GITHUB_API_URL"] = "http://ghe.example.com/api/v3", [EndpointResolver.AllowInsecureVariable] = "1" }));

        Assert.Equal("http", endpoint.BaseAddress.Scheme);
    }

    private static ServiceEndpoint Resolve(string variable, Func<string, string?> environment) =>
        variable == "PULUMI_BACKEND_URL" ? EndpointResolver.Esc(null, environment) : EndpointResolver.GitHub(null, environment);
}
