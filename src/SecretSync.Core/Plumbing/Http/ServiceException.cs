namespace SecretSync.Core.Plumbing.Http;

/// <summary>A remote service failed. Messages name the service and host only, never a token or a value.</summary>
public class ServiceException : SecretSyncException
{
    public ServiceException(string serviceName, string host, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ServiceName = serviceName;
        Host = host;
        StatusCode = statusCode;
    }

    /// <summary>"Pulumi ESC" or "GitHub".</summary>
    public string ServiceName { get; }

    /// <summary>The host that answered (or could not be reached).</summary>
    public string Host { get; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public HttpStatusCode? StatusCode { get; }
}
