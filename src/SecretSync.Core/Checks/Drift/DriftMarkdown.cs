namespace SecretSync.Core.Checks.Drift;

/// <summary>
/// Drift as GitHub-flavoured Markdown for <c>$GITHUB_STEP_SUMMARY</c>: a line with the counts, then a table
/// Name | Status | Where | Hint. Records carry no values, so neither does the table.
/// </summary>
public static class DriftMarkdown
{
    /// <summary>
    /// The lines of the summary (join them with newlines). The counts line covers all <paramref name="records"/>;
    /// the table holds only those with a status or issue in <paramref name="shownStatuses"/> (all when null), so a
    /// step summary can list only the problems and still say how many secrets were compared.
    /// </summary>
    public static IReadOnlyList<string> Format(IReadOnlyList<DriftRecord> records, IReadOnlyCollection<DriftStatus>? shownStatuses = null)
    {
        if (records is null)
        {
            throw new ArgumentNullException(nameof(records));
        }

        var lines = new List<string> { Heading(records), string.Empty, "| Name | Status | Where | Hint |", "|---|---|---|---|" };
        foreach (var record in records.Where(r => shownStatuses is null || r.Has(shownStatuses)))
        {
            lines.Add($"| `{Cell(record.Name).Replace("`", "'")}` | {record.Status} | {Cell(record.Sources)} | {Cell(record.Hint ?? string.Empty)} |");
        }

        return lines;
    }

    private static string Heading(IReadOnlyList<DriftRecord> records)
    {
        var drifting = records.Where(r => r.StatusKind != DriftStatus.InSync).ToList();
        if (drifting.Count == 0)
        {
            return $"**Secret drift:** none ({records.Count} compared, all InSync).";
        }

        var counts = drifting
            .GroupBy(r => r.StatusKind)
            .OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key}");
        return $"**Secret drift:** {drifting.Count} of {records.Count} secrets need attention ({string.Join(", ", counts)}).";
    }

    // A pipe ends a cell and a line break ends the row; neither may come from a name or a hint.
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
