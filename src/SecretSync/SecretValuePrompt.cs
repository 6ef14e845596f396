using System.Security;
using SecretSync.Commands;

namespace SecretSync;

/// <summary>Asks for a secret value with hidden input, only where a person can answer.</summary>
internal static class SecretValuePrompt
{
    /// <summary>The value typed for <paramref name="name"/>; a terminating error when the session is unattended or the host cannot prompt.</summary>
    public static SecureString Read(PSCmdlet cmdlet, string name)
    {
        if (ContinuousIntegration.IsActive)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.ValueRequired(new InvalidOperationException($"Set-SophiaSecret needs -Value for {name} when it runs unattended; it prompts only in interactive sessions."), name));
        }

        try
        {
            cmdlet.Host.UI.Write($"Value for {name} (input is hidden): ");
            return cmdlet.Host.UI.ReadLineAsSecureString();
        }
        catch (Exception e) when (e is PSInvalidOperationException or NotImplementedException)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.ValueRequired(new InvalidOperationException($"Set-SophiaSecret cannot prompt for {name} in this host: pass -Value.", e), name));
            throw;
        }
    }
}
