using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>One <see cref="GitHubPushRecord"/> as an entry of the push ledger's JSON; dates round-trip exactly, offset included.</summary>
internal static class GitHubPushRecordJson
{
    public static JObject Write(GitHubPushRecord record)
    {
        var entry = new JObject { ["pushedAt"] = record.PushedAt.ToString("o", CultureInfo.InvariantCulture) };
        if (record.UpdatedAt is { } updatedAt)
        {
            entry["updatedAt"] = updatedAt.ToString("o", CultureInfo.InvariantCulture);
        }

        if (record.IsFromEsc)
        {
            entry["escPath"] = record.EscPath;
            entry["escRevision"] = record.EscRevision;
            entry["escIdentity"] = record.EscIdentity;
        }

        return entry;
    }

    /// <exception cref="FormatException">pushedAt is missing or a date is malformed.</exception>
    public static GitHubPushRecord Read(JToken entry) => new(
        Time((string?)entry["pushedAt"]) ?? throw new FormatException("pushedAt is missing"),
        Time((string?)entry["updatedAt"]),
        (string?)entry["escPath"],
        (long?)entry["escRevision"],
        (string?)entry["escIdentity"]);

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
