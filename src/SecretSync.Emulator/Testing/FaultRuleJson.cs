using System.Text.Json;

namespace SecretSync.Emulator.Testing;

/// <summary>Reads POST /_emulator/faults bodies: {method?, pathPrefix?, skip?, count, status?|statuses?, rate?, retryAfter?, resetSeconds?, delayMs?, drop?, message?}.</summary>
internal static class FaultRuleJson
{
    public static FaultRule? TryRead(JsonObject body)
    {
        double? rate = Number(body["rate"]);
        var count = (int?)Number(body["count"]) ?? (rate is null ? 1 : 0);
        var statuses = body["statuses"] is JsonArray list
            ? list.Select(Number).Where(n => n is not null).Select(n => (int)n!.Value).ToArray()
            : Number(body["status"]) is { } one ? [(int)one] : [];
        var drop = body["drop"] is JsonValue d && d.GetValueKind() == JsonValueKind.True;
        var delay = (int?)Number(body["delayMs"]) ?? 0;
        var skip = (int?)Number(body["skip"]) ?? 0;
        if (skip < 0 || (rate is null && count <= 0) || rate is < 0 or > 1 || (statuses.Length == 0 && !drop && delay == 0))
        {
            return null;
        }

        return new FaultRule
        {
            Method = Text(body["method"]),
            PathPrefix = Text(body["pathPrefix"]),
            Count = count,
            Skip = skip,
            Rate = rate,
            Statuses = statuses,
            RetryAfter = (int?)Number(body["retryAfter"]),
            ResetSeconds = (int?)Number(body["resetSeconds"]),
            DelayMs = delay,
            Drop = drop,
            Message = Text(body["message"]),
        };
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
