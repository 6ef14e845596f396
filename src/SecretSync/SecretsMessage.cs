namespace SecretSync;

/// <summary>
/// The text of a -WhatIf line or -Confirm prompt that names what changes: "Set 3 secrets (LINEAR_API_KEY, GONG_API_KEY,
/// SLACK_BOT_TOKEN) in acme/default/prod". An operator confirms secrets, not a count, so the names are shown (the
/// first few of a long list). Names only: never a value.
/// </summary>
internal static class SecretsMessage
{
    private const int ShownNames = 5;

    public static string Describe(string verb, IEnumerable<string> names, string where)
    {
        var distinct = names.Distinct().ToList();
        var shown = string.Join(", ", distinct.Take(ShownNames));
        if (distinct.Count > ShownNames)
        {
            shown += $", … {distinct.Count - ShownNames} more";
        }

        return $"{verb} {distinct.Count} {(distinct.Count == 1 ? "secret" : "secrets")} ({shown}) {where}";
    }
}
