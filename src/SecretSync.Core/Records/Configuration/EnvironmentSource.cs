namespace SecretSync.Core.Records.Configuration;

/// <summary>
/// Where an environment's own value of a catalogued name comes from: the record named with a prefix or a suffix
/// added (GitHub organisation secrets such as <c>LINEAR_API_KEY_STAGING</c>). A name whose prefixed or suffixed
/// record is absent takes the record of the plain name.
/// </summary>
public sealed class EnvironmentSource
{
    public EnvironmentSource(string prefix, string suffix)
    {
        Prefix = prefix;
        Suffix = suffix;
    }

    /// <summary>Put before the catalogued name ("STAGING_"), or empty.</summary>
    public string Prefix { get; }

    /// <summary>Put after the catalogued name ("_STAGING"), or empty.</summary>
    public string Suffix { get; }

    /// <summary>The record name holding this environment's value of <paramref name="name"/>.</summary>
    public string NameFor(string name) => Prefix + name + Suffix;

    /// <inheritdoc/>
    public override string ToString() => Prefix.Length > 0 ? $"prefix {Prefix}" : $"suffix {Suffix}";
}
