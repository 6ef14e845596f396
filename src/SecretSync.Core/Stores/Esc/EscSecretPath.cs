namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// Where a secret lives in an ESC environment: <c>values.&lt;Service&gt;.&lt;Key&gt;</c>, referenced from
/// <c>values.environmentVariables.&lt;Name&gt;</c>. Parsed from the naming rules' ESC path, e.g.
/// <c>linear.linear_api_key</c>.
/// </summary>
public sealed class EscSecretPath : IEquatable<EscSecretPath>
{
    private static readonly Regex s_segment = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    // Reserved by ESC (environmentVariables, files, pulumiConfig) or by SecretSync's ownership record.
    private static readonly string[] s_reservedServices = { "environmentVariables", "files", "pulumiConfig", EscOwnership.SectionKey };

    private EscSecretPath(string service, string key)
    {
        Service = service;
        Key = key;
    }

    /// <summary>The first segment: a map directly under <c>values</c>.</summary>
    public string Service { get; }

    /// <summary>The second segment: the secret's key in the service map.</summary>
    public string Key { get; }

    /// <summary>Parses <c>service.key</c>; identifiers only, so the path needs no quoting in YAML or in <c>${...}</c>.</summary>
    public static EscSecretPath Parse(string escPath)
    {
        if (escPath is null)
        {
            throw new ArgumentNullException(nameof(escPath));
        }

        var parts = escPath.Split('.');
        if (parts.Length != 2 || !s_segment.IsMatch(parts[0]) || !s_segment.IsMatch(parts[1]))
        {
            throw new ArgumentException($"ESC path '{escPath}' must be <service>.<key>, each an identifier ([A-Za-z_][A-Za-z0-9_]*).", nameof(escPath));
        }

        if (Array.IndexOf(s_reservedServices, parts[0]) >= 0)
        {
            throw new ArgumentException($"ESC path '{escPath}' uses the reserved name '{parts[0]}'.", nameof(escPath));
        }

        return new EscSecretPath(parts[0], parts[1]);
    }

    /// <summary>Checks an environment variable name (<c>[A-Za-z_][A-Za-z0-9_]*</c>).</summary>
    public static void ValidateName(string name)
    {
        if (name is null || !s_segment.IsMatch(name))
        {
            throw new ArgumentException($"Secret name '{name}' is not a valid environment variable name.", nameof(name));
        }
    }

    /// <summary>The interpolation written into <c>environmentVariables</c>: <c>${service.key}</c>.</summary>
    public string Reference => "${" + ToString() + "}";

    public bool Equals(EscSecretPath? other) => other is not null && Service == other.Service && Key == other.Key;

    public override bool Equals(object? obj) => Equals(obj as EscSecretPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary><c>service.key</c>.</summary>
    public override string ToString() => Service + "." + Key;
}
