using System.Management.Automation.Runspaces;
using SecretSync.Core;
using SecretSync.Core.Catalog;

namespace SecretSync;

/// <summary>The catalog for tab completion, which runs outside any cmdlet: a broken secretsync.json just means no completions.</summary>
internal static class CompletionContext
{
    public static SecretCatalog? Catalog()
    {
        var location = Runspace.DefaultRunspace?.SessionStateProxy.Path.CurrentFileSystemLocation.ProviderPath;
        if (location is null)
        {
            return null;
        }

        try
        {
            return ModuleContext.For(location, _ => { }).Catalog;
        }
        catch (SecretSyncException)
        {
            return null;
        }
    }
}
