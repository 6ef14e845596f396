namespace SecretSync.Emulator.Http;

/// <summary>JSON responses labelled exactly <c>application/json</c>: Octokit deserializes nothing else.</summary>
internal static class JsonReply
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Send(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), ContentType, Encoding.UTF8, status);

    public static IResult Status(int status) => Results.StatusCode(status);
}
