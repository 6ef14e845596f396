namespace SecretSync.Core.Plumbing.Http;

/// <summary>The environment, organisation, repository or secret does not exist (404).</summary>
public sealed class ServiceNotFoundException : ServiceException
{
    public ServiceNotFoundException(string serviceName, string host, string message, Exception? innerException = null)
        : base(serviceName, host, HttpStatusCode.NotFound, message, innerException)
    {
    }
}
