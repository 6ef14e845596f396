using System.Reflection;
using System.Runtime.Loader;

namespace SecretSync.Loader;

/// <summary>
/// The private load context of SecretSync.Core and everything it uses (YamlDotNet, Newtonsoft.Json, Octokit, Polly,
/// BouncyCastle, DotNetEnv), all from the module's <c>dependencies</c> folder. Another module in the same session
/// may load other versions of the same libraries into PowerShell's default context: neither sees the other's.
/// </summary>
/// <remarks>
/// The cmdlet assembly (SecretSync.dll) stays in the default context (PowerShell binds its cmdlets there); the
/// default context asks <see cref="ResolveFromDefault"/> for SecretSync.Core (and for the few dependency types that
/// Core's signatures expose). Core's own references are then resolved by <see cref="Load"/>, in this context.
/// This is the layout PowerShell's documentation recommends ("Resolving PowerShell module assembly dependency
/// conflicts": a Resolving handler, dependencies in a folder PowerShell does not probe). The handler is registered
/// by this thin entry assembly, a nested module loaded before SecretSync.dll, because PowerShell reflects over the
/// cmdlet types (which name Core types) before the cmdlet assembly's own initializer could run.
/// </remarks>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private static readonly object s_lock = new();
    private static DependencyLoadContext? s_instance;
    private readonly string _directory;

    private DependencyLoadContext(string directory)
        : base("SecretSync", isCollectible: false)
    {
        _directory = directory;
    }

    /// <summary>The folder the dependencies load from: <c>dependencies</c> beside this assembly and SecretSync.dll.</summary>
    public static string DependencyDirectory { get; } =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyLoadContext).Assembly.Location)!, "dependencies");

    /// <summary>The one instance of the process: an assembly is loaded once, whatever runspace imports the module.</summary>
    public static DependencyLoadContext Instance
    {
        get
        {
            lock (s_lock)
            {
                return s_instance ??= new DependencyLoadContext(DependencyDirectory);
            }
        }
    }

    /// <summary>
    /// Default-context hook: hands out SecretSync.Core, and any other assembly of the dependencies folder, from this
    /// context. The cmdlets name Core; their IL can also name a dependency's type that appears in a Core signature
    /// (TimeProvider in an optional constructor parameter), which must then be the very type Core uses. The hook
    /// only runs when the default context has no assembly of that name, so it never replaces another module's copy.
    /// </summary>
    public static Assembly? ResolveFromDefault(AssemblyLoadContext defaultContext, AssemblyName name) =>
        name.Name is { } simple && File.Exists(Path.Combine(DependencyDirectory, simple + ".dll"))
            ? Instance.LoadFromAssemblyName(name)
            : null;

    /// <summary>
    /// Loads what the dependencies folder holds; anything else (the framework, System.Management.Automation)
    /// falls back to the default context, so PowerShell types stay the ones PowerShell uses.
    /// </summary>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
