using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Stores.Export;

/// <summary>
/// A value that, written into this .env file, would not read back exactly in one of the dialects: the file around
/// it (its quoting) makes python-dotenv or DotNetEnv read it differently. Names the secret, never the value.
/// </summary>
public sealed class DotEnvDialectMismatchException : SecretSyncException
{
    public DotEnvDialectMismatchException(string name, DotEnvDialect dialect, string reason)
        : base($"{name} was not written: read back with {(dialect == DotEnvDialect.DotNetEnv ? "DotNetEnv 3.0.0" : "python-dotenv")} it {reason}. Check the quotes of the lines around it (Get-SophiaSecret -Path <file> -Dialect {dialect} shows what that reader sees), or export it with -Format Json or GitHubEnv.")
    {
        Name = name;
        Dialect = dialect;
    }

    /// <summary>The secret's name.</summary>
    public string Name { get; }

    /// <summary>The reader that would read it differently.</summary>
    public DotEnvDialect Dialect { get; }
}
