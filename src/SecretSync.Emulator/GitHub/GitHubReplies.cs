namespace SecretSync.Emulator.GitHub;

/// <summary>GitHub error bodies <c>{message, documentation_url[, errors]}</c> and value formats.</summary>
internal static class GitHubReplies
{
    private const string Documentation = "https://docs.github.com/rest";

    public static IResult Error(int status, string message) =>
        JsonReply.Send(new JsonObject { ["message"] = message, ["documentation_url"] = Documentation }, status);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "Not Found");

    /// <summary>422 in the shape Octokit turns into an ApiValidationException.</summary>
    public static IResult Invalid(string resource, string field, string message) => JsonReply.Send(
        new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject
            {
                ["resource"] = resource,
                ["code"] = "invalid",
                ["field"] = field,
                ["message"] = message,
            }),
            ["documentation_url"] = Documentation,
        },
        StatusCodes.Status422UnprocessableEntity);

    /// <summary>422 of GitHub's request-schema check: <c>Invalid request.\n\n&lt;detail&gt;</c>.</summary>
    public static IResult InvalidRequest(string detail) => JsonReply.Send(
        new JsonObject { ["message"] = "Invalid request.\n\n" + detail, ["documentation_url"] = Documentation, ["status"] = "422" },
        StatusCodes.Status422UnprocessableEntity);

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The API root as the client addressed it (with or without /api/v3), for URLs in bodies.</summary>
    public static string ApiRoot(HttpRequest request, string prefix) => $"{request.Scheme}://{request.Host}{prefix}";
}
