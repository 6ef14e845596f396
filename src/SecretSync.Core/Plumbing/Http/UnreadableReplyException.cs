namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// A successful status with a body that is not what the API sends (HTML, empty, cut short). An
/// HttpRequestException so that HTTP stacks (Octokit) pass it up unchanged; the client turns it into
/// <see cref="UnexpectedServiceReplyException"/>.
/// </summary>
internal sealed class UnreadableReplyException : HttpRequestException
{
    public UnreadableReplyException(HttpStatusCode statusCode, string problem, string request)
        : base($"{request} answered {(int)statusCode} with {problem}")
    {
        StatusCode = statusCode;
        Problem = problem;
        Request = request;
    }

    /// <summary>The (successful) status of the reply.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>"an HTML page", "an empty body", …</summary>
    public string Problem { get; }

    /// <summary>Method and path.</summary>
    public string Request { get; }
}
