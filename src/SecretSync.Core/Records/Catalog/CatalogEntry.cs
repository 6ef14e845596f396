namespace SecretSync.Core.Records.Catalog;

/// <summary>One secret the organisation manages: its name, where it lives in ESC and GitHub, and what it is for.</summary>
public sealed class CatalogEntry
{
    /// <summary>The name that marks built-in entries in <see cref="Origin"/>.</summary>
    public const string BuiltInOrigin = "BuiltIn";

    public CatalogEntry(string name, string service, string escPath, string category, string? description, bool required, string gitHubName, string origin)
    {
        Name = name;
        Service = service;
        EscPath = escPath;
        Category = category;
        Description = description;
        Required = required;
        GitHubName = gitHubName;
        Origin = origin;
    }

    /// <summary>SERVICE_CREDENTIAL_TYPE name, as in the process environment and .env files.</summary>
    public string Name { get; }

    /// <summary>Service part of the name (LAMBDA_LABS for LAMBDA_LABS_API_KEY).</summary>
    public string Service { get; }

    /// <summary>Path under ESC <c>values</c>, e.g. linear.linear_api_key.</summary>
    public string EscPath { get; }

    /// <summary>Category used to group the template and listings.</summary>
    public string Category { get; }

    /// <summary>What the secret is for.</summary>
    public string? Description { get; }

    /// <summary>True when every environment must have it.</summary>
    public bool Required { get; }

    /// <summary>The GitHub secret name: the name itself or its alias (GITHUB_PAT is GH_PAT in GitHub).</summary>
    public string GitHubName { get; }

    /// <summary>BuiltIn, or the path of the secretsync.json that declared it.</summary>
    public string Origin { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
