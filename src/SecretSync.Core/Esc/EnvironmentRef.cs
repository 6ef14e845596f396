using System;
using System.Text.RegularExpressions;

namespace SecretSync.Core.Esc;

/// <summary>An ESC environment: <c>org/project/env</c>, or <c>org/env</c> meaning project <c>default</c>.</summary>
public sealed class EnvironmentRef : IEquatable<EnvironmentRef>
{
    /// <summary>The legacy project that <c>org/env</c> refers to.</summary>
    public const string DefaultProject = "default";

    private static readonly Regex s_segment = new("^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant);

    private EnvironmentRef(string organization, string project, string name)
    {
        Organization = organization;
        Project = project;
        Name = name;
    }

    public string Organization { get; }

    public string Project { get; }

    public string Name { get; }

    /// <summary>Parses <c>org/env</c> or <c>org/project/env</c>; throws <see cref="ArgumentException"/> naming the expected form.</summary>
    public static EnvironmentRef Parse(string value)
    {
        var parts = (value ?? string.Empty).Trim().Split('/');
        if (parts.Length is < 2 or > 3 || Array.Exists(parts, p => !s_segment.IsMatch(p)))
        {
            throw new ArgumentException($"'{value}' is not an ESC environment: write org/env or org/project/env (letters, digits, '-', '_' and '.').", nameof(value));
        }

        return parts.Length == 2 ? new EnvironmentRef(parts[0], DefaultProject, parts[1]) : new EnvironmentRef(parts[0], parts[1], parts[2]);
    }

    /// <summary>The path under /api/esc/environments/.</summary>
    public string ApiPath => $"{Uri.EscapeDataString(Organization)}/{Uri.EscapeDataString(Project)}/{Uri.EscapeDataString(Name)}";

    /// <summary>How the ESC CLI names the environment in diagnostics: project/env.</summary>
    public string DiagnosticName => $"{Project}/{Name}";

    public bool Equals(EnvironmentRef? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => Equals(obj as EnvironmentRef);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <inheritdoc/>
    public override string ToString() => $"{Organization}/{Project}/{Name}";
}
