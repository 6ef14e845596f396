using System.Text.Json;

namespace SecretSync.Emulator.Http;

/// <summary>
/// Reads bodies whatever their Content-Type: Octokit labels JSON as form-urlencoded and the ESC CLI labels YAML as
/// JSON, so neither service dispatches on it (references: github-api §3.5, pulumi-esc-api §1).
/// </summary>
internal static class RequestBody
{
    public static async Task<string> ReadTextAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    /// <summary>The body as a JSON object; null when it is empty or not a JSON object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        var text = await ReadTextAsync(request);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
