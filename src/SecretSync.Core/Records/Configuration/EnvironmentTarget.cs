namespace SecretSync.Core.Records.Configuration;

/// <summary>
/// A named sync target of secretsync.json: an ESC environment, the catalogued names it receives, the GitHub Actions
/// environment its workflow job runs in, and where its own values come from. The <c>shared</c> base environment is a
/// target too (<see cref="IsShared"/>), named <see cref="SharedName"/>.
/// </summary>
public sealed class EnvironmentTarget
{
    /// <summary>The name the shared base environment is addressed by (-Environment shared).</summary>
    public const string SharedName = "shared";

    public EnvironmentTarget(string name, EnvironmentRef esc, SecretSelection secrets, string? gitHubEnvironment, EnvironmentSource? source, bool isShared, int line)
    {
        Name = name;
        Esc = esc;
        Secrets = secrets;
        GitHubEnvironment = gitHubEnvironment;
        Source = source;
        IsShared = isShared;
        Line = line;
    }

    /// <summary>The name in secretsync.json (dev, staging, ...), or <see cref="SharedName"/>.</summary>
    public string Name { get; }

    /// <summary>The ESC environment written.</summary>
    public EnvironmentRef Esc { get; }

    /// <summary>The catalogued names it receives.</summary>
    public SecretSelection Secrets { get; }

    /// <summary>The GitHub Actions environment of its workflow job (protection rules), or null.</summary>
    public string? GitHubEnvironment { get; }

    /// <summary>Where its own values come from, or null for the plain names.</summary>
    public EnvironmentSource? Source { get; }

    /// <summary>True for the base environment every other target imports.</summary>
    public bool IsShared { get; }

    /// <summary>Line of its definition in secretsync.json (0 when not from a file), for messages.</summary>
    public int Line { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Esc})";
}
