using System.Net.Sockets;

namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// Says what happened when a request got no answer: the service could not be reached at all (nothing was sent),
/// the connection dropped after the request went out (it may or may not have been applied), or the service
/// redirected somewhere SecretSync does not follow.
/// </summary>
internal static class TransportFailure
{
    /// <summary>The SecretSync exception for <paramref name="exception"/> of <paramref name="request"/> ("PATCH /api/…").</summary>
    public static ServiceException Describe(ServiceEndpoint endpoint, string addressVariable, string request, int attempts, HttpRequestException exception)
    {
        var details = endpoint.Redactor.Redact(exception.Message);
        if (exception is UnsafeRedirectException)
        {
            return new UnexpectedServiceReplyException(endpoint.ServiceName, endpoint.Host, null, $"{endpoint} answered {request} with a redirect: {details} Check {addressVariable}: it should be the API's own address.", exception);
        }

        return IsConnectFailure(exception)
            ? new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, null, $"Cannot reach {endpoint} ({Attempts(attempts)}): {details} Check {addressVariable} and the network.", exception)
            : new ServiceUnavailableException(endpoint.ServiceName, endpoint.Host, null, $"The connection to {endpoint} dropped before it answered {request} ({Attempts(attempts)}). The service was reached, so this is the network or the service failing, not the address. Run the command again: it starts from what the service holds then.", exception);
    }

    private static string Attempts(int attempts) => RetryingHttpClient.Attempts(attempts);

    // Only a failure to connect means "not reached". Anything later (reset, truncated answer) happened after the
    // request may have gone out.
    private static bool IsConnectFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain
                    or SocketError.NoData or SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.AddressNotAvailable;
            }
        }

        return false;
    }
}
