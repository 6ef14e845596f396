namespace SecretSync.Emulator.Http;

/// <summary>
/// GitHub paging: <c>per_page</c> (default 30, capped) and <c>page</c>, with a <c>Link</c> header of absolute URLs
/// (Octokit does <c>new Uri(match)</c> on each).
/// </summary>
internal static class Paging
{
    public static (int Skip, int Take) Apply(HttpContext context, int total, int defaultPerPage = 30, int maxPerPage = 100)
    {
        var query = context.Request.Query;
        var perPage = int.TryParse(query["per_page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0
            ? Math.Min(p, maxPerPage)
            : defaultPerPage;
        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var last = Math.Max(1, (total + perPage - 1) / perPage);
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{Url(context.Request, perPage, page + 1)}>; rel=\"next\"");
            links.Add($"<{Url(context.Request, perPage, last)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{Url(context.Request, perPage, 1)}>; rel=\"first\"");
            links.Add($"<{Url(context.Request, perPage, Math.Min(page - 1, last))}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return ((page - 1) * perPage, perPage);
    }

    private static string Url(HttpRequest request, int perPage, int page)
    {
        var others = request.Query
            .Where(q => q.Key is not "per_page" and not "page")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var query = string.Join("&", others.Append($"per_page={perPage}").Append($"page={page}"));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query}";
    }
}
