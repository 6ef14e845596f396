using SecretSync.Core;
using SecretSync.Core.Records.Catalog;
using SecretSync.Core.Records.Configuration;

namespace SecretSync;

/// <summary>The catalog for tab completion, which runs outside any cmdlet: a broken secretsync.json just means no completions.</summary>
internal static class CompletionContext
{
    public static SecretCatalog? Catalog() => Context()?.Catalog;

    public static ProjectConfig? Config() => Context()?.Config;

    private static ModuleContext? Context()
    {
        // Completers run while the prompt's pipeline is active, where SessionStateProxy refuses calls; a nested
        // command in the current runspace may still ask for the location.
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        var location = shell.AddCommand(@"Microsoft.PowerShell.Management\Get-Location").AddParameter("PSProvider", "FileSystem").Invoke<PathInfo>().FirstOrDefault()?.ProviderPath;
        if (location is null)
        {
            return null;
        }

        try
        {
            return ModuleContext.For(location, _ => { });
        }
        catch (SecretSyncException)
        {
            return null;
        }
    }
}
