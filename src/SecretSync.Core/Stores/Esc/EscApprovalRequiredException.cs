namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// The environment is protected by an approval ruleset: a direct update is refused (409, "requires updates to be
/// approved via change request", pulumi/esc#650), or an open is refused until an open request is approved (403,
/// "opens must be approved", pulumi/esc#668). Never transient: repeating the request cannot succeed.
/// </summary>
public sealed class EscApprovalRequiredException : ServiceException
{
    public EscApprovalRequiredException(string host, HttpStatusCode statusCode, bool forOpen, string message)
        : base("Pulumi ESC", host, statusCode, message)
    {
        ForOpen = forOpen;
    }

    /// <summary>True when opening (reading values) needs approval; false when updating does.</summary>
    public bool ForOpen { get; }
}
