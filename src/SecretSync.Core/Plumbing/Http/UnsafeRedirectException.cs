namespace SecretSync.Core.Plumbing.Http;

/// <summary>
/// A service redirected a request somewhere SecretSync will not follow: a body to another origin, https to http,
/// or more hops than allowed. An HttpRequestException so that HTTP stacks (Octokit) pass it up unchanged.
/// </summary>
internal sealed class UnsafeRedirectException : HttpRequestException
{
    public UnsafeRedirectException(Uri from, Uri to, string reason)
        : base($"{Origin(from)} redirected {from.AbsolutePath} to {Origin(to)}{to.AbsolutePath}; SecretSync did not follow: {reason}")
    {
        From = from;
        To = to;
    }

    /// <summary>The request's address.</summary>
    public Uri From { get; }

    /// <summary>Where the service asked to go.</summary>
    public Uri To { get; }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
