namespace SecretSync.Core.Records.Configuration;

/// <summary>
/// An ESC environment: <c>org/project/env</c>, or <c>org/env</c> meaning the legacy project <c>default</c>, as the
/// service and the esc CLI resolve it (reference §2; there is no two-segment REST path, so every request names the
/// project). Names are checked against ESC's rules before any request (esc-openapi.yaml orgName, ProjectName,
/// EnvName): a segment such as <c>..</c> would otherwise change the URL's meaning (<c>acme/../x</c> is
/// <c>GET /api/esc/environments/x</c>, the list of organisation x).
/// </summary>
public sealed class EnvironmentRef : IEquatable<EnvironmentRef>
{
    /// <summary>The legacy project that <c>org/env</c> refers to.</summary>
    public const string DefaultProject = "default";

    private static readonly Regex s_organization = new("^[A-Za-z0-9][A-Za-z0-9_-]{1,38}[A-Za-z0-9]$", RegexOptions.CultureInvariant);
    private static readonly Regex s_name = new("^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant);

    // Environment names that share the URL space with /{org}/yaml/check and /open (reference §2).
    private static readonly string[] s_reservedEnvironments = { "open", "yaml" };

    private EnvironmentRef(string organization, string project, string name)
    {
        Organization = organization;
        Project = project;
        Name = name;
    }

    public string Organization { get; }

    public string Project { get; }

    public string Name { get; }

    /// <summary>Parses <c>org/env</c> or <c>org/project/env</c>; throws <see cref="ArgumentException"/> naming the expected form or the rule broken.</summary>
    public static EnvironmentRef Parse(string value)
    {
        var parts = (value ?? string.Empty).Trim().Split('/');
        if (parts.Length is < 2 or > 3)
        {
            throw new ArgumentException($"'{value}' is not an ESC environment: write org/env or org/project/env.", nameof(value));
        }

        var (organization, project, name) = parts.Length == 2 ? (parts[0], DefaultProject, parts[1]) : (parts[0], parts[1], parts[2]);
        var problem = OrganizationProblem(organization) ?? NameProblem("project", project) ?? NameProblem("environment", name)
            ?? (Array.IndexOf(s_reservedEnvironments, name) >= 0 ? $"'{name}' is reserved by ESC and cannot name an environment" : null);
        if (problem is not null)
        {
            throw new ArgumentException($"'{value}' is not an ESC environment (org/env or org/project/env): {problem}.", nameof(value));
        }

        return new EnvironmentRef(organization, project, name);
    }

    private static string? OrganizationProblem(string organization) => s_organization.IsMatch(organization)
        ? null
        : $"the organisation '{organization}' must be 3 to 40 letters, digits, '-' or '_', starting and ending with a letter or digit";

    private static string? NameProblem(string kind, string name) =>
        !s_name.IsMatch(name) ? $"the {kind} '{name}' must be 1 to 100 letters, digits, '-', '_' or '.'"
        : name is "." or ".." ? $"the {kind} '{name}' is not allowed ('.' and '..' are path steps, not names)"
        : null;

    /// <summary>The path under /api/esc/environments/.</summary>
    public string ApiPath => $"{Uri.EscapeDataString(Organization)}/{Uri.EscapeDataString(Project)}/{Uri.EscapeDataString(Name)}";

    /// <summary>project/env: how ESC names the environment within its organisation, in diagnostics and in another environment's imports.</summary>
    public string QualifiedName => $"{Project}/{Name}";

    public bool Equals(EnvironmentRef? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as EnvironmentRef);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <inheritdoc/>
    public override string ToString() => $"{Organization}/{Project}/{Name}";
}
