namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// A service answered with something that is not the reply its API documents: an HTML page, an empty or truncated
/// body, JSON of another shape. Usually a proxy, a captive portal or a wrong base URL answered instead.
/// </summary>
public sealed class UnexpectedServiceReplyException : ServiceException
{
    public UnexpectedServiceReplyException(string serviceName, string host, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(serviceName, host, statusCode, message, innerException)
    {
    }
}
