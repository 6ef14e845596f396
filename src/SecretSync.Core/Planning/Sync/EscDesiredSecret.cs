using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Planning.Sync;

/// <summary>A secret the sync wants in ESC: its name, its ESC path from the naming rules, and its value.</summary>
public sealed class EscDesiredSecret
{
    /// <summary>Validates name and path (see <see cref="EscSecretPath"/>); the value may be any string.</summary>
    public EscDesiredSecret(string name, string escPath, string value)
    {
        EscSecretPath.ValidateName(name);
        Name = name;
        Path = EscSecretPath.Parse(escPath);
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// A secret given without a value to write (empty, so not set): whatever ESC holds stays as it is, and -Prune
    /// does not remove it. An empty value never blanks or deletes a secret.
    /// </summary>
    public static EscDesiredSecret KeepCurrent(string name, string escPath) => new(name, escPath, string.Empty) { KeepsCurrent = true };

    /// <summary>True for <see cref="KeepCurrent"/>: nothing is written for it, and nothing of it is removed.</summary>
    public bool KeepsCurrent { get; private init; }

    /// <summary>Environment variable name, e.g. <c>LINEAR_API_KEY</c>.</summary>
    public string Name { get; }

    /// <summary>Where the value goes under <c>values</c>, e.g. <c>linear.linear_api_key</c>.</summary>
    public EscSecretPath Path { get; }

    /// <summary>The plaintext value.</summary>
    public string Value { get; }

    /// <summary>Name and path only.</summary>
    public override string ToString() => $"{Name} ({Path})";
}
