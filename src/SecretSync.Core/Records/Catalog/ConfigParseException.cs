namespace SecretSync.Core.Records.Catalog;

/// <summary>secretsync.json or the catalog data is malformed or breaks a rule; names file, line and column.</summary>
public sealed class ConfigParseException : FileParseException
{
    public ConfigParseException(string filePath, int line, int column, string problem, Exception? innerException = null)
        : base(filePath, line, column, problem, innerException)
    {
    }
}
