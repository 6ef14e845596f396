namespace SecretSync.Core.Tests.GitHub;

/// <summary>The built-in catalog plus a typical secretsync.json at the root of a repository.</summary>
internal static class SampleProject
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "secretsync-sample-repo");

    public static SecretCatalog Catalog(params CatalogEntryDefinition[] projectSecrets)
    {
        var builtInPath = Path.Combine(AppContext.BaseDirectory, BuiltInCatalog.FileName);
        return SecretCatalog.Build(
        [
            (CatalogEntry.BuiltInOrigin, builtInPath, BuiltInCatalog.Read(builtInPath)),
            (Path.Combine(Root, "secretsync.json"), Path.Combine(Root, "secretsync.json"), projectSecrets),
        ]);
    }

    public static ProjectConfig Config(string? directory = null) =>
        new()
        {
            FilePath = Path.Combine(directory ?? Root, "secretsync.json"),
            Directory = directory ?? Root,
            EscEnvironment = "ai-cherry/sophia-production",
            GitHubOrganization = "ai-cherry",
            EnvFiles = [Path.Combine(directory ?? Root, ".env")],
            McpConfigs = [Path.Combine(directory ?? Root, "mcp_config.json"), Path.Combine(directory ?? Root, ".cursor", "mcp.json")],
            Template = Path.Combine(directory ?? Root, ".env.template"),
        };
}
