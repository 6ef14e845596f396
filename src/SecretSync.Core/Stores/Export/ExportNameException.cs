namespace SecretSync.Core.Stores.Export;

/// <summary>A name that cannot be an environment variable in every export format (letters, digits, '_'; no leading digit).</summary>
public sealed class ExportNameException : SecretSyncException
{
    private static readonly Regex s_portableName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public ExportNameException(string name)
        : base($"'{name}' is not an environment variable name (letters, digits and '_', not starting with a digit); it was skipped.")
    {
        Name = name;
    }

    /// <summary>The rejected name.</summary>
    public string Name { get; }

    /// <summary>Throws for a name that .env readers, shells and $GITHUB_ENV would not all accept.</summary>
    public static void ThrowIfInvalid(string name)
    {
        if (!s_portableName.IsMatch(name))
        {
            throw new ExportNameException(name);
        }
    }
}
