using SecretSync.Commands;
using SecretSync.Core.Checks.Drift;
using SecretSync.Core.Records.Configuration;
using SecretSync.Core.Records.Secrets;

namespace SecretSync;

/// <summary>
/// Compare-SophiaSecret across several environments: one SecretSync.EnvironmentDriftRow per name with a property
/// per environment (pipe to Format-Table), or the Markdown table. An environment that cannot be read is a
/// non-terminating error of its own; its column shows "?" and the others are compared.
/// </summary>
internal static class CrossEnvironmentCompare
{
    /// <summary>How many environments are opened at the same time.</summary>
    private const int ThrottleLimit = 10;

    public static void Write(SophiaCmdlet cmdlet, IReadOnlyList<EnvironmentTarget> targets, DriftCollectOptions options, bool asMarkdown)
    {
        var (context, environment, directory) = (cmdlet.Context, ProcessEnvironment.Snapshot(), cmdlet.CurrentDirectory);
        var (snapshots, gitHubUpdated) = cmdlet.Run((reporter, token) =>
            new EnvironmentDriftCollector(context.Catalog, context.Config, environment, GitHubActionsMasker.ForCurrentProcess(), reporter)
                .CollectAsync(targets, options, directory, ThrottleLimit, token));
        foreach (var failed in snapshots.Where(s => s.Failure is not null))
        {
            cmdlet.WriteError(ErrorRecords.EnvironmentUnreadable(
                new InvalidOperationException($"ESC environment {failed.Target} could not be read: {failed.Failure} Its column shows '?'."), failed.Target.Esc.ToString()));
        }

        var rows = EnvironmentDriftTable.Build(context.Config, context.Catalog, snapshots, gitHubUpdated, options.NameFilter);
        if (asMarkdown)
        {
            cmdlet.WriteObject(EnvironmentDriftMarkdown.Format(rows, targets.Select(t => t.Name).ToList()), enumerateCollection: true);
            return;
        }

        foreach (var row in rows)
        {
            var output = new PSObject();
            output.TypeNames.Insert(0, "SecretSync.EnvironmentDriftRow");
            output.Properties.Add(new PSNoteProperty("Name", row.Name));
            output.Properties.Add(new PSNoteProperty("Status", row.Status.ToString()));
            foreach (var cell in row.Cells)
            {
                output.Properties.Add(new PSNoteProperty(cell.Key, cell.Value));
            }

            cmdlet.WriteObject(output);
        }
    }
}
