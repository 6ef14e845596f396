using SecretSync.Core.Records.Catalog;
using SecretSync.Core.Records.Configuration;

namespace SecretSync;

/// <summary>
/// What every cmdlet needs from the module folder and the current project: the built-in catalog (read once per
/// process) and the nearest secretsync.json (re-read when it changes), merged into one catalog.
/// </summary>
internal sealed class ModuleContext
{
    private static readonly object s_lock = new();
    private static IReadOnlyList<CatalogEntryDefinition>? s_builtIn;
    private static (string Path, DateTime Written, ModuleContext Context)? s_cached;

    private ModuleContext(ProjectConfig config, SecretCatalog catalog)
    {
        Config = config;
        Catalog = catalog;
    }

    public ProjectConfig Config { get; }

    public SecretCatalog Catalog { get; }

    /// <summary>The folder that holds SecretSync.dll, the manifest and the catalog data.</summary>
    public static string ModuleDirectory { get; } = Path.GetDirectoryName(typeof(ModuleContext).Assembly.Location)!;

    /// <summary>
    /// The context for <paramref name="currentDirectory"/>. <paramref name="warn"/> receives the warnings of a
    /// secretsync.json the first time it is read (unknown keys).
    /// </summary>
    public static ModuleContext For(string currentDirectory, Action<string> warn)
    {
        var configPath = ProjectConfigLoader.Find(currentDirectory);
        var written = configPath is null ? DateTime.MinValue : File.GetLastWriteTimeUtc(configPath);
        lock (s_lock)
        {
            if (s_cached is { } cached && cached.Path == (configPath ?? string.Empty) && cached.Written == written)
            {
                return cached.Context;
            }
        }

        var config = configPath is null ? ProjectConfig.Empty : ProjectConfigLoader.Load(configPath);
        foreach (var warning in config.Warnings)
        {
            warn(warning);
        }

        var builtInPath = Path.Combine(ModuleDirectory, BuiltInCatalog.FileName);
        IReadOnlyList<CatalogEntryDefinition> builtIn;
        lock (s_lock)
        {
            builtIn = s_builtIn ??= BuiltInCatalog.Read(builtInPath);
        }

        var catalog = SecretCatalog.Build(
        [
            (CatalogEntry.BuiltInOrigin, builtInPath, builtIn),
            (config.FilePath ?? string.Empty, config.FilePath ?? string.Empty, config.Secrets),
        ]);
        var context = new ModuleContext(config, catalog);
        lock (s_lock)
        {
            s_cached = (configPath ?? string.Empty, written, context);
        }

        return context;
    }
}
