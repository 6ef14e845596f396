using SecretSync.Commands;
using SecretSync.Core.Records.Configuration;

namespace SecretSync;

/// <summary>Parses an -Environment argument, stopping the command with a clear error when it is malformed.</summary>
internal static class EnvironmentOption
{
    public static EnvironmentRef? Parse(PSCmdlet cmdlet, string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return EnvironmentRef.Parse(value);
        }
        catch (ArgumentException e)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.InvalidEnvironment(e, value));
            return null;
        }
    }

    /// <summary>
    /// The targets of a multi-environment command: the names and references given, or every environment of
    /// secretsync.json. Empty when the command works on one environment as before (no <c>environments</c> in
    /// secretsync.json and at most one reference given).
    /// </summary>
    public static IReadOnlyList<EnvironmentTarget> Targets(PSCmdlet cmdlet, string[]? values, ProjectConfig config)
    {
        if (config.Environments.Count == 0 && (values is null || values.Length <= 1))
        {
            return [];
        }

        try
        {
            return EnvironmentTargets.Resolve(config, values);
        }
        catch (ArgumentException e)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.InvalidEnvironment(e, string.Join(", ", values ?? [])));
            return [];
        }
    }

    /// <summary>
    /// The ESC environments named by <paramref name="values"/> (references, or names of secretsync.json), in the
    /// order given with the shared base first; null when none were given (the command's default applies).
    /// </summary>
    public static IReadOnlyList<EnvironmentRef>? References(PSCmdlet cmdlet, string[]? values, ProjectConfig config)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        if (values.Length == 1 && config.Environments.Count == 0)
        {
            return [Parse(cmdlet, values[0])!];
        }

        return Targets(cmdlet, values, config).Select(t => t.Esc).ToList();
    }
}
