namespace SecretSync.Core.Plumbing.Http;

/// <summary>The service could not be reached, or kept failing or throttling after the bounded retries.</summary>
public sealed class ServiceUnavailableException : ServiceException
{
    public ServiceUnavailableException(string serviceName, string host, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(serviceName, host, statusCode, message, innerException)
    {
    }
}
