namespace SecretSync;

/// <summary>Where Export-SophiaSecret writes values.</summary>
public enum ExportFormat
{
    /// <summary>A .env file, merged, readable by python-dotenv and DotNetEnv alike.</summary>
    DotEnv,

    /// <summary>The GitHub Actions $GITHUB_ENV file, after masking each value.</summary>
    GitHubEnv,

    /// <summary>A JSON object of name → value.</summary>
    Json,

    /// <summary>A Docker env file (docker run --env-file, compose env_file): NAME=value lines, values verbatim.</summary>
    DockerEnv,
}
