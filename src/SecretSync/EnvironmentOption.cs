using System;
using System.Management.Automation;
using SecretSync.Commands;
using SecretSync.Core.Stores.Esc;

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
}
