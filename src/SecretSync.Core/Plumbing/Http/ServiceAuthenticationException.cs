namespace SecretSync.Core.Plumbing.Http;

/// <summary>The service refused the token (401) or its permissions (403).</summary>
public sealed class ServiceAuthenticationException : ServiceException
{
    public ServiceAuthenticationException(string serviceName, string host, HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(serviceName, host, statusCode, message, innerException)
    {
    }
}
