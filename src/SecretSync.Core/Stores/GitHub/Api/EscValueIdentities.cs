using System.Security.Cryptography;
using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// Names the literal secrets of one revision of an ESC environment for the push ledger. The identity of a value is
/// a SHA-256 of the definition's own text for it (the ciphertext ESC stores), which any reader of the environment
/// can compute from the definition: it tells them nothing they cannot read already. Equal text means an equal
/// value; text that differs (a re-encryption, an edit) only costs one more push. A value that is not a literal
/// secret (a reference, an import, a function) has no identity: what it evaluates to can change while its text
/// does not.
/// </summary>
public sealed class EscValueIdentities
{
    private readonly YamlSourceDocument? _document;
    private readonly EscEvaluatedEnvironment _evaluated;

    private EscValueIdentities(YamlSourceDocument? document, EscEvaluatedEnvironment evaluated, long? revision)
    {
        _document = document;
        _evaluated = evaluated;
        Revision = revision;
    }

    /// <summary>No environment: nothing has an identity, so every value is pushed.</summary>
    public static EscValueIdentities None { get; } = new(null, EscEvaluatedEnvironment.Empty, null);

    /// <summary>The revision the definition was read at.</summary>
    public long? Revision { get; }

    /// <summary>The identities of <paramref name="definition"/>, whose evaluation is <paramref name="evaluated"/>.</summary>
    public static EscValueIdentities Of(EscDefinition definition, EscEvaluatedEnvironment evaluated)
    {
        if (definition is null || evaluated is null)
        {
            throw new ArgumentNullException(definition is null ? nameof(definition) : nameof(evaluated));
        }

        return new(string.IsNullOrWhiteSpace(definition.Yaml) ? null : YamlSourceDocument.Parse(definition.Yaml), evaluated, definition.Revision);
    }

    /// <summary>
    /// The identity of the literal secret at <paramref name="escPath"/> when the environment evaluates it to exactly
    /// <paramref name="value"/>; null otherwise (absent, not a literal secret, or another value).
    /// </summary>
    public string? IdentityOf(string? escPath, string value)
    {
        if (escPath is null || _evaluated.Find(escPath) is not { IsSecret: true, IsUnknown: false } evaluated || evaluated.StringValue != value)
        {
            return null;
        }

        return IdentityOf(escPath);
    }

    /// <summary>The identity of the literal secret at <paramref name="escPath"/> as it is now, whatever its value.</summary>
    public string? IdentityOf(string escPath)
    {
        var node = _document?.Root?.FindMapping(EscOwnership.ValuesKey);
        var segments = escPath.Split('.');
        for (var i = 0; node is not null && i < segments.Length - 1; i++)
        {
            node = node.FindMapping(segments[i]);
        }

        var leaf = node?.Find(segments[segments.Length - 1])?.Value;
        if (leaf is null || !IsLiteralSecret(leaf))
        {
            return null;
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(_document!.Text.Substring(leaf.Start, leaf.End - leaf.Start)));
        return BitConverter.ToString(hash).Replace("-", string.Empty).ToLowerInvariant();
    }

    /// <inheritdoc/>
    public override string ToString() => $"ESC value identities at revision {Revision}";

    // fn::secret of a scalar or of {ciphertext: scalar}, possibly under fn::fromBase64: nothing that refers elsewhere.
    private static bool IsLiteralSecret(YamlSourceNode node)
    {
        if (node.Kind != YamlSourceKind.Mapping || node.Entries.Count != 1)
        {
            return false;
        }

        var entry = node.Entries[0];
        if (entry.Key.ScalarValue == EscSecretEncoding.FromBase64Function)
        {
            return IsLiteralSecret(entry.Value);
        }

        if (entry.Key.ScalarValue != EscSecretEncoding.SecretFunction)
        {
            return false;
        }

        var secret = entry.Value;
        return secret.Kind == YamlSourceKind.Scalar
            ? secret.ScalarValue?.IndexOf("${", StringComparison.Ordinal) < 0
            : secret.Kind == YamlSourceKind.Mapping && secret.Entries.Count == 1 && secret.Entries[0].Key.ScalarValue == "ciphertext" && secret.Entries[0].Value.Kind == YamlSourceKind.Scalar;
    }
}
