using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecretSync.Core.Credentials;
using SecretSync.Core.Http;

namespace SecretSync.Core.Esc;

/// <summary>
/// The Pulumi ESC REST calls SecretSync makes, as the ESC CLI makes them (reference §3, §8): raw YAML definitions
/// with ETag and Pulumi-ESC-Revision, PATCH of the whole document with the ETag request header, yaml/check, open.
/// </summary>
public sealed class EscClient
{
    private const string ApiMediaType = "application/vnd.pulumi+8";
    private readonly ServiceEndpoint _endpoint;
    private readonly RetryingHttpClient _http;

    public EscClient(ServiceEndpoint endpoint, ISyncReporter reporter, TimeSpan? retryBaseDelay = null)
    {
        _endpoint = endpoint;
        _http = new RetryingHttpClient(endpoint.ServiceName, reporter, baseDelay: retryBaseDelay);
    }

    /// <summary>Host of the service, for messages.</summary>
    public string Host => _endpoint.Host;

    /// <summary>GET of the stored definition (secrets stay ciphertext), its ETag and revision.</summary>
    /// <remarks>
    /// The service sends Pulumi-ESC-Revision with every definition (the esc CLI fails without it, reference §4.1);
    /// a 200 without it is not a definition (a proxy's page, or a list reached by a malformed path), and treating it
    /// as one would PATCH it back, so it is refused.
    /// </remarks>
    public async Task<EscDefinition> GetDefinitionAsync(EnvironmentRef environment, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "api/esc/environments/" + environment.ApiPath, null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "read").ConfigureAwait(false);
        var revision = Revision(response) ?? throw new ServiceException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} answered the read of {environment} without a Pulumi-ESC-Revision header, so the reply is not an environment definition; nothing was changed. Check PULUMI_BACKEND_URL.");
        var yaml = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new EscDefinition(yaml, response.Headers.ETag?.ToString() ?? Header(response, "ETag"), revision);
    }

    /// <summary>PATCH of the whole definition, conditional on <paramref name="etag"/>; returns the new revision.</summary>
    /// <exception cref="EscConflictException">The environment changed since <paramref name="etag"/> was read.</exception>
    /// <exception cref="EscDiagnosticsException">ESC refused the definition; nothing was written.</exception>
    public async Task<long> UpdateDefinitionAsync(EnvironmentRef environment, string yaml, string? etag, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpMethod("PATCH"), "api/esc/environments/" + environment.ApiPath, yaml, etag, RetryMode.ThrottledOnly, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "update").ConfigureAwait(false);
        return Revision(response) ?? throw new ServiceException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} updated {environment} but did not say which revision it made (no Pulumi-ESC-Revision header).");
    }

    /// <summary>Evaluates a definition without saving it (POST /{org}/yaml/check); returns the Environment JSON.</summary>
    public async Task<JObject> CheckAsync(EnvironmentRef environment, string yaml, bool showSecrets, CancellationToken cancellationToken)
    {
        var path = $"api/esc/environments/{Uri.EscapeDataString(environment.Organization)}/yaml/check?showSecrets={(showSecrets ? "true" : "false")}";
        using var response = await SendAsync(HttpMethod.Post, path, yaml, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "check").ConfigureAwait(false);
        return JObject.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>
    /// Opens the latest revision and returns its evaluated Environment JSON and that revision's number (3 requests).
    /// The read of an open carries no revision (reference §3 #11), so the revision is taken from the definition's
    /// Pulumi-ESC-Revision and exactly that version is opened (POST …/versions/{n}/open): what is returned is
    /// revision n even when someone writes the environment meanwhile.
    /// </summary>
    public async Task<(JObject Environment, long? Revision)> OpenAsync(EnvironmentRef environment, CancellationToken cancellationToken)
    {
        var revision = (await GetDefinitionAsync(environment, cancellationToken).ConfigureAwait(false)).Revision;
        return (await OpenRevisionAsync(environment, revision, cancellationToken).ConfigureAwait(false), revision);
    }

    /// <summary>Opens revision <paramref name="revision"/> (POST …/versions/{n}/open, then the read: 2 requests) and returns its evaluated Environment JSON.</summary>
    public async Task<JObject> OpenRevisionAsync(EnvironmentRef environment, long revision, CancellationToken cancellationToken)
    {
        var basePath = "api/esc/environments/" + environment.ApiPath;
        var versionPath = basePath + "/versions/" + revision.ToString(CultureInfo.InvariantCulture);
        string id;
        using (var opened = await SendAsync(HttpMethod.Post, versionPath + "/open?duration=2h0m0s", null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(opened, environment, "open").ConfigureAwait(false);
            id = (string?)JObject.Parse(await opened.Content.ReadAsStringAsync().ConfigureAwait(false))["id"]
                ?? throw new ServiceException(_endpoint.ServiceName, Host, opened.StatusCode, $"{_endpoint} opened {environment} without an id.");
        }

        using var read = await SendAsync(HttpMethod.Get, basePath + "/open/" + Uri.EscapeDataString(id), null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(read, environment, "read the opened").ConfigureAwait(false);
        return JObject.Parse(await read.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>
    /// Revisions newest first (GET .../versions), at most <paramref name="count"/>, only those older than
    /// <paramref name="before"/> when it is given: <c>before: n + 1, count: 1</c> is revision n itself.
    /// </summary>
    public async Task<List<EscRevisionInfo>> ListRevisionsAsync(EnvironmentRef environment, long? before, int count, CancellationToken cancellationToken)
    {
        var query = "?count=" + count.ToString(CultureInfo.InvariantCulture)
            + (before is { } b ? "&before=" + b.ToString(CultureInfo.InvariantCulture) : string.Empty);
        using var response = await SendAsync(HttpMethod.Get, "api/esc/environments/" + environment.ApiPath + "/versions" + query, null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, environment, "list the revisions of").ConfigureAwait(false);

        // Dates stay text so that the offset the service wrote survives (Json.NET would turn them into local DateTimes).
        using var reader = new JsonTextReader(new StringReader(await response.Content.ReadAsStringAsync().ConfigureAwait(false))) { DateParseHandling = DateParseHandling.None };
        var revisions = new List<EscRevisionInfo>();
        foreach (var item in JToken.ReadFrom(reader) as JArray ?? [])
        {
            if ((long?)item["number"] is { } number)
            {
                var created = DateTimeOffset.TryParse((string?)item["created"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
                revisions.Add(new EscRevisionInfo(number, created));
            }
        }

        return revisions;
    }

    /// <summary>Creates an empty environment (revision 1). One that already exists (409: created meanwhile) is fine.</summary>
    public async Task CreateAsync(EnvironmentRef environment, CancellationToken cancellationToken)
    {
        var body = new JObject { ["project"] = environment.Project, ["name"] = environment.Name }.ToString(Newtonsoft.Json.Formatting.None);
        using var response = await SendAsync(HttpMethod.Post, "api/esc/environments/" + Uri.EscapeDataString(environment.Organization), body, null, RetryMode.ThrottledOnly, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        await EnsureSuccessAsync(response, environment, "create").ConfigureAwait(false);
    }

    /// <summary>Names (org/project/env) of the environments the token can see, in one organisation or all, every page.</summary>
    public async Task<List<string>> ListAsync(string? organization, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var basePath = "api/esc/environments" + (organization is null ? string.Empty : "/" + Uri.EscapeDataString(organization));
        string? next = null;
        do
        {
            var path = next is null ? basePath : basePath + "?continuationToken=" + Uri.EscapeDataString(next);
            using var response = await SendAsync(HttpMethod.Get, path, null, null, RetryMode.Idempotent, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, null, "list").ConfigureAwait(false);
            var page = JObject.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            foreach (var env in page["environments"] as JArray ?? [])
            {
                names.Add($"{env["organization"]}/{env["project"] ?? EnvironmentRef.DefaultProject}/{env["name"]}");
            }

            next = (string?)page["nextToken"];
        }
        while (!string.IsNullOrEmpty(next));
        return names;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, string? body, string? etag, RetryMode mode, CancellationToken cancellationToken)
    {
        var uri = new Uri(_endpoint.BaseAddress, relativePath);
        return SendWithTransportErrorsAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, uri);
                request.Headers.Authorization = new AuthenticationHeaderValue("token", _endpoint.Token);
                request.Headers.Accept.ParseAdd(ApiMediaType);
                request.Headers.UserAgent.ParseAdd("SecretSync/1.0");
                if (etag is not null)
                {
                    // The ESC CLI sends the GET's ETag in a request header named ETag (not If-Match): reference §4.2.
                    request.Headers.TryAddWithoutValidation("ETag", etag);
                }

                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                return request;
            },
            mode,
            cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithTransportErrorsAsync(Func<HttpRequestMessage> create, RetryMode mode, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(create, mode, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ServiceUnavailableException(_endpoint.ServiceName, Host, null, $"Cannot reach {_endpoint}: {e.Message} Check PULUMI_BACKEND_URL and the network.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnavailableException(_endpoint.ServiceName, Host, null, $"{_endpoint} did not answer in time.", e);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, EnvironmentRef? environment, string operation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var (message, diagnostics) = ParseError(text);
        var what = environment is null ? "environments" : environment.ToString();
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new ServiceAuthenticationException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} refused the access token (401 Unauthorized): set PULUMI_ACCESS_TOKEN (or -EscToken) to a valid Pulumi access token."),
            HttpStatusCode.Forbidden => new ServiceAuthenticationException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} did not allow SecretSync to {operation} {what} (403 Forbidden): the token lacks permission on it."),
            HttpStatusCode.NotFound => new ServiceNotFoundException(_endpoint.ServiceName, Host, $"ESC environment {what} was not found at {Host} (404): check the name (org/env or org/project/env) and the token's organisation."),
            HttpStatusCode.Conflict => new EscConflictException(Host, $"{_endpoint} refused to {operation} {what} (409 Conflict): {message}"),
            HttpStatusCode.BadRequest when environment is not null => new EscDiagnosticsException(Host, environment, diagnostics, message),
            (HttpStatusCode)429 => new ServiceUnavailableException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} kept throttling requests (429) after retries; wait a minute and run the command again."),
            _ when (int)response.StatusCode >= 500 => new ServiceUnavailableException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} failed ({(int)response.StatusCode} {response.ReasonPhrase}) after retries; nothing was changed by this request. Try again later."),
            _ => new ServiceException(_endpoint.ServiceName, Host, response.StatusCode, $"{_endpoint} could not {operation} {what} ({(int)response.StatusCode} {response.ReasonPhrase}): {message}"),
        };
    }

    private static (string Message, List<EscDiagnostic> Diagnostics) ParseError(string text)
    {
        try
        {
            var error = JObject.Parse(text);
            var diagnostics = (error["diagnostics"] as JArray ?? [])
                .Select(d => new EscDiagnostic(
                    (int?)d["range"]?["begin"]?["line"] ?? 0,
                    (int?)d["range"]?["begin"]?["column"] ?? 0,
                    (string?)d["summary"] ?? string.Empty,
                    string.IsNullOrEmpty((string?)d["severity"]) ? "error" : (string)d["severity"]!))
                .ToList();
            return ((string?)error["message"] ?? "no message", diagnostics);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            // A proxy or load balancer answered with HTML or text; its first line is enough to say what happened.
            return (text.Split('\n')[0].Trim(), []);
        }
    }

    private static long? Revision(HttpResponseMessage response) =>
        long.TryParse(Header(response, "Pulumi-ESC-Revision"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
