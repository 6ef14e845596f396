namespace SecretSync.Core.DotEnv;

/// <summary>Whose reading of a .env file: the two disagree on '$', '#', escapes, quotes and what is an error.</summary>
public enum DotEnvDialect
{
    /// <summary>python-dotenv 1.2.2's <c>dotenv_values</c> (the default: the project's scripts are Python), strict where it would skip a statement.</summary>
    PythonDotenv,

    /// <summary>DotNetEnv 3.0.0, as a .NET application loads the file: read by DotNetEnv's own parser.</summary>
    DotNetEnv,
}
