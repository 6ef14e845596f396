using System.Collections.Concurrent;

namespace SecretSync.Core.Tests.Http;

/// <summary>
/// A scripted service behind an HttpMessageHandler: every request is recorded (method, address, Authorization,
/// body) and answered by the script, which may also throw to act as a dropped connection.
/// </summary>
internal sealed class FakeService : HttpMessageHandler
{
    private readonly Func<SeenRequest, HttpResponseMessage> _answer;

    public FakeService(Func<SeenRequest, HttpResponseMessage> answer)
    {
        _answer = answer;
    }

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    /// <summary>An endpoint whose requests all come here.</summary>
    public ServiceEndpoint Endpoint(string serviceName = "Pulumi ESC", string baseAddress = "http://127.0.0.1:5001/", string token = "tok-0123456789") =>
        new(serviceName, new Uri(baseAddress), token) { Transport = () => this };

    /// <summary>A service that gives <paramref name="answers"/> in order, one a request, and fails the test on one more.</summary>
    public static FakeService Sequence(params HttpResponseMessage[] answers)
    {
        var queue = new ConcurrentQueue<HttpResponseMessage>(answers);
        return new FakeService(_ => queue.TryDequeue(out var next) ? next : throw new InvalidOperationException("no more answers scripted"));
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, IDictionary<string, string>? headers = null) =>
        Text(json, "application/json", status, headers);

    public static HttpResponseMessage Text(string text, string mediaType, HttpStatusCode status = HttpStatusCode.OK, IDictionary<string, string>? headers = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
        response.Content.Headers.ContentType!.CharSet = null;
        foreach (var header in headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return response;
    }

    public static HttpResponseMessage Redirect(string location, HttpStatusCode status = HttpStatusCode.Found)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var seen = new SeenRequest(request.Method.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, headers);
        Seen.Enqueue(seen);
        var response = _answer(seen);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>What the fake service received.</summary>
internal sealed record SeenRequest(string Method, Uri Uri, string? Authorization, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Uri.AbsolutePath;
}
