using System;
using System.Collections.Generic;
using SecretSync.Core.Credentials;
using SecretSync.Core.Secrets;
using Xunit;

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
}
