using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SecretSync.Emulator.GitHub;

/// <summary>
/// The X25519 key pair of one secret scope (an org or a repository). Derived from the emulator's random seed and the
/// scope name, so a persisted seed gives the same keys after a restart; key_id is a string of digits, like GitHub's.
/// </summary>
internal sealed class ScopeKey
{
    private ScopeKey(byte[] privateKey, byte[] publicKey, string keyId)
    {
        PrivateKey = privateKey;
        PublicKey = publicKey;
        KeyId = keyId;
    }

    public byte[] PrivateKey { get; }

    public byte[] PublicKey { get; }

    public string KeyId { get; }

    public static ScopeKey Derive(byte[] seed, string scope)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope.ToLowerInvariant());
        var material = new byte[seed.Length + 1 + scopeBytes.Length];
        seed.CopyTo(material, 0);
        scopeBytes.CopyTo(material, seed.Length + 1);
        var privateKey = SHA256.HashData(material);
        var publicKey = SealedBoxOpener.PublicKeyOf(privateKey);
        var id = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(publicKey)) % 1_000_000_000_000_000_000UL;
        return new ScopeKey(privateKey, publicKey, id.ToString(CultureInfo.InvariantCulture));
    }

    public byte[]? Open(string encryptedValue)
    {
        try
        {
            return SealedBoxOpener.TryOpen(Convert.FromBase64String(encryptedValue), PrivateKey, PublicKey);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
