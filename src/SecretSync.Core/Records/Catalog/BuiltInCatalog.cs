namespace SecretSync.Core.Records.Catalog;

/// <summary>Reads the catalog data file shipped in the module folder (SecretSync.Catalog.json).</summary>
public static class BuiltInCatalog
{
    /// <summary>The file name of the catalog data next to the module manifest.</summary>
    public const string FileName = "SecretSync.Catalog.json";

    /// <summary>The definitions of the built-in catalog file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<CatalogEntryDefinition> Read(string path)
    {
        var root = JsonFileReader.ReadObject(path);
        var warnings = new List<string>();
        return CatalogEntryReader.Read(root["secrets"], path, warnings);
    }
}
