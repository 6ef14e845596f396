using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace SecretSync.Loader;

/// <summary>
/// Runs when PowerShell imports the module (this assembly is the manifest's nested module, loaded before the
/// cmdlets): registers the default context's resolver so that SecretSync.Core and its dependencies load into
/// <see cref="DependencyLoadContext"/>, and makes Core's types reachable as type literals.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    /// <summary>Registers the resolver and the type names (once; removed again on Remove-Module).</summary>
    public void OnImport()
    {
        AssemblyLoadContext.Default.Resolving -= DependencyLoadContext.ResolveFromDefault;
        AssemblyLoadContext.Default.Resolving += DependencyLoadContext.ResolveFromDefault;
        CoreTypeAccelerators.Register(DependencyLoadContext.Instance.LoadFromAssemblyName(new AssemblyName("SecretSync.Core")));
    }

    /// <summary>Unregisters both; assemblies already loaded stay loaded (no context is collectible).</summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        AssemblyLoadContext.Default.Resolving -= DependencyLoadContext.ResolveFromDefault;
        CoreTypeAccelerators.Unregister();
    }
}
