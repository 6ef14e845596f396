namespace SecretSync.Core.Plumbing.Http;

/// <summary>Reads single-valued response headers.</summary>
internal static class ResponseHeaders
{
    /// <summary>The first value of header <paramref name="name"/>, or null when the reply has none.</summary>
    public static string? First(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
