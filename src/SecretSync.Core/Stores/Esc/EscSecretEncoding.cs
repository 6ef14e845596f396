using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// How a secret value is written into a definition so that opening the environment yields it byte for byte
/// (reference §6.2). ESC encrypts the raw scalar text of a plaintext <c>fn::secret</c> and opens the ciphertext
/// verbatim, so values are written without <c>$$</c> escaping. A value containing <c>${</c> cannot be a
/// plaintext secret literal at all (ESC parses it as an interpolation and rejects it), so it is stored as the
/// secret base64 of its UTF-8 bytes under <c>fn::fromBase64</c>, which keeps the secret flag. So is a value holding
/// a Unicode noncharacter (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF): yaml.v3 refuses U+FFFE and U+FFFF anywhere in a
/// document (YAML's c-printable set), and base64 carries every noncharacter without relying on how each parser on
/// the way treats them. A lone surrogate has no UTF-8 form at all: <see cref="EscEdit.SetSecret"/> refuses it.
/// </summary>
internal static class EscSecretEncoding
{
    public const string SecretFunction = "fn::secret";
    public const string FromBase64Function = "fn::fromBase64";

    public static bool NeedsBase64(string value) => value.IndexOf("${", StringComparison.Ordinal) >= 0 || HasNoncharacter(value);

    private static bool HasNoncharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var codePoint = (int)value[i];
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                codePoint = char.ConvertToUtf32(value[i], value[i + 1]);
                i++;
            }

            if (codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The YAML for <paramref name="value"/> as a secret.</summary>
    public static YamlOutNode ToNode(string value)
    {
        if (NeedsBase64(value))
        {
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
            var secret = YamlOutNode.Map().Add(SecretFunction, YamlOutNode.Scalar(YamlScalarText.DoubleQuoted(base64)));
            return YamlOutNode.Map().Add(FromBase64Function, secret);
        }

        return YamlOutNode.Map().Add(SecretFunction, YamlOutNode.Scalar(YamlScalarText.DoubleQuoted(value)));
    }

    /// <summary>
    /// Reads back a plaintext secret this class wrote (used to verify an edit before it is sent); null when the
    /// node is not such a secret, e.g. it is still ciphertext.
    /// </summary>
    public static string? TryReadPlaintext(YamlSourceNode node)
    {
        if (node.Kind != YamlSourceKind.Mapping)
        {
            return null;
        }

        var secret = node.Find(SecretFunction)?.Value;
        if (secret is { Kind: YamlSourceKind.Scalar })
        {
            return secret.ScalarValue;
        }

        var inner = node.FindMapping(FromBase64Function)?.Find(SecretFunction)?.Value;
        if (inner is { Kind: YamlSourceKind.Scalar })
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(inner.ScalarValue!));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
