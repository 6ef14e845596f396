namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// The cross-environment table as GitHub-flavoured Markdown for <c>$GITHUB_STEP_SUMMARY</c>: a line of counts,
/// then Name | Status | one column per environment. Cells hold group letters, never values.
/// </summary>
public static class EnvironmentDriftMarkdown
{
    /// <summary>The lines of the summary; <paramref name="environments"/> are the column names in order.</summary>
    public static IReadOnlyList<string> Format(IReadOnlyList<EnvironmentDriftRow> rows, IReadOnlyList<string> environments)
    {
        if (rows is null || environments is null)
        {
            throw new ArgumentNullException(rows is null ? nameof(rows) : nameof(environments));
        }

        var attention = rows.Where(r => r.Status is EnvironmentDriftStatus.Missing or EnvironmentDriftStatus.Stale).ToList();
        var heading = attention.Count == 0
            ? $"**Secrets across {environments.Count} environments:** {rows.Count} compared, none missing or stale (same letter = same value)."
            : $"**Secrets across {environments.Count} environments:** {attention.Count} of {rows.Count} need attention ({string.Join(", ", attention.GroupBy(r => r.Status).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}; same letter = same value).";
        var lines = new List<string>
        {
            heading,
            string.Empty,
            "| Name | Status | " + string.Join(" | ", environments.Select(Cell)) + " |",
            "|---|---|" + string.Concat(environments.Select(_ => "---|")),
        };
        foreach (var row in rows)
        {
            lines.Add($"| `{Cell(row.Name)}` | {row.Status} | " + string.Join(" | ", row.Cells.Select(c => Cell(c.Value))) + " |");
        }

        return lines;
    }

    // A pipe ends a cell and a line break ends the row; names are checked, but the table does not rely on it.
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ").Replace("`", "'");
}
