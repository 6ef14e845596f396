using System.Management.Automation.Runspaces;
using SecretSync.Core;
using SecretSync.Core.Catalog;
using SecretSync.Core.Configuration;

namespace SecretSync;

/// <summary>The catalog for tab completion, which runs outside any cmdlet: a broken secretsync.json just means no completions.</summary>
internal static class CompletionContext
{
    public static SecretCatalog? Catalog() => Context()?.Catalog;

    public static ProjectConfig? Config() => Context()?.Config;

    private static ModuleContext? Context()
    {
        var location = Runspace.DefaultRunspace?.SessionStateProxy.Path.CurrentFileSystemLocation.ProviderPath;
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
