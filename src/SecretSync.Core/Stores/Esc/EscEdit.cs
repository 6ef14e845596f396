using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>One change to an ESC definition. <see cref="ToString"/> never shows the value.</summary>
public sealed class EscEdit
{
    private EscEdit(EscEditKind kind, string name, EscSecretPath path, string? value)
    {
        Kind = kind;
        Name = name;
        Path = path;
        Value = value;
    }

    public EscEditKind Kind { get; }

    /// <summary>The secret's environment variable name, e.g. <c>LINEAR_API_KEY</c>.</summary>
    public string Name { get; }

    /// <summary>Where the value lives under <c>values</c>, e.g. <c>linear.linear_api_key</c>.</summary>
    public EscSecretPath Path { get; }

    /// <summary>The plaintext to write (SetSecret only).</summary>
    internal string? Value { get; }

    /// <summary>Sets <c>values.&lt;path&gt;: {fn::secret: value}</c> and <c>environmentVariables.&lt;name&gt;: ${path}</c>.</summary>
    public static EscEdit SetSecret(string name, string escPath, string value)
    {
        EscSecretPath.ValidateName(name);
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (YamlScalarText.HasLoneSurrogate(value))
        {
            // Not representable in a UTF-8 YAML document; writing it would silently change the secret.
            throw new ArgumentException($"The value of secret '{name}' is not valid Unicode (unpaired surrogate).", nameof(value));
        }

        return new EscEdit(EscEditKind.SetSecret, name, EscSecretPath.Parse(escPath), value);
    }

    /// <summary>Removes the secret at <paramref name="escPath"/> and the variable <paramref name="name"/> if it references it.</summary>
    public static EscEdit RemoveSecret(string name, string escPath)
    {
        EscSecretPath.ValidateName(name);
        return new EscEdit(EscEditKind.RemoveSecret, name, EscSecretPath.Parse(escPath), null);
    }

    /// <summary>E.g. <c>SetSecret LINEAR_API_KEY at linear.linear_api_key</c>.</summary>
    public override string ToString() => $"{Kind} {Name} at {Path}";
}
