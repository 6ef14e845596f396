namespace SecretSync.Core.Stores.Run;

/// <summary>
/// One variable a command runs with: a value for the environment, or (for ESC's <c>files</c>) the content of a
/// temporary file whose path becomes the value. ToString names it, never its value.
/// </summary>
public sealed class RunVariable
{
    public RunVariable(string name, string value, bool isSecret, bool isFile)
    {
        Name = name;
        Value = value;
        IsSecret = isSecret;
        IsFile = isFile;
    }

    /// <summary>The environment variable's name.</summary>
    public string Name { get; }

    /// <summary>The value, or the file's content when <see cref="IsFile"/>.</summary>
    public string Value { get; }

    /// <summary>True when the source marks the value secret: it is filtered from output and masked in GitHub Actions.</summary>
    public bool IsSecret { get; }

    /// <summary>True for an ESC <c>files</c> entry: the variable holds the path of a temporary file with <see cref="Value"/>.</summary>
    public bool IsFile { get; }

    /// <inheritdoc/>
    public override string ToString() => IsFile ? Name + " (file)" : Name;
}
