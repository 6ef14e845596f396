using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Math.EC.Rfc7748;
using Org.BouncyCastle.Security;

namespace SecretSync.Core.Stores.GitHub.Crypto;

/// <summary>
/// libsodium's anonymous sealed box (crypto_box_seal), which GitHub requires for secret values, in managed code
/// over BouncyCastle so the module needs no native libsodium on any platform pwsh runs on.
/// </summary>
/// <remarks>
/// sealed = epk ‖ Poly1305 tag ‖ XSalsa20(m), with a fresh ephemeral key pair (esk, epk) per call,
/// nonce = BLAKE2b-192(epk ‖ pk) and key = HSalsa20(X25519(esk, pk), 0¹⁶). Output is randomized, so two seals of
/// the same value differ; only the holder of the secret key can open it.
/// </remarks>
public static class SealedBox
{
    /// <summary>Size in bytes of an X25519 public key.</summary>
    public const int PublicKeyLength = 32;

    /// <summary>Bytes a sealed box adds to the message: the ephemeral public key (32) and the tag (16).</summary>
    public const int Overhead = PublicKeyLength + SecretBox.TagLength;

    private const int NonceLength = 24;

    private static readonly SecureRandom s_random = new();

    /// <summary>Seals <paramref name="message"/> for <paramref name="recipientPublicKey"/>: returns epk ‖ tag ‖ ciphertext.</summary>
    /// <exception cref="InvalidPublicKeyException">The key is not 32 bytes or is a low-order point.</exception>
    public static byte[] Seal(byte[] message, byte[] recipientPublicKey)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        if (recipientPublicKey is null)
        {
            throw new ArgumentNullException(nameof(recipientPublicKey));
        }

        if (recipientPublicKey.Length != PublicKeyLength)
        {
            throw new InvalidPublicKeyException($"The public key must be {PublicKeyLength} bytes (an X25519 key) but has {recipientPublicKey.Length}; read it again from the public-key endpoint.");
        }

        var ephemeralSecret = new byte[X25519.ScalarSize];
        var shared = new byte[X25519.PointSize];
        var key = new byte[HSalsa20.KeyLength];
        try
        {
            X25519.GeneratePrivateKey(s_random, ephemeralSecret);
            var sealedBox = new byte[Overhead + message.Length];
            X25519.GeneratePublicKey(ephemeralSecret, 0, sealedBox, 0);
            if (!X25519.CalculateAgreement(ephemeralSecret, 0, recipientPublicKey, 0, shared, 0))
            {
                // libsodium refuses the same keys (crypto_scalarmult returns -1 for an all-zero result).
                throw new InvalidPublicKeyException("The public key is a low-order X25519 point, which no real key pair has; read it again from the public-key endpoint.");
            }

            HSalsa20.Derive(shared, new byte[HSalsa20.InputLength], key);
            var nonce = Nonce(sealedBox, recipientPublicKey);
            SecretBox.Seal(message, nonce, key, sealedBox, PublicKeyLength);
            return sealedBox;
        }
        finally
        {
            Array.Clear(ephemeralSecret, 0, ephemeralSecret.Length);
            Array.Clear(shared, 0, shared.Length);
            Array.Clear(key, 0, key.Length);
        }
    }

    /// <summary>
    /// Seals the UTF-8 bytes of <paramref name="value"/> for a base64 public key, as GitHub's
    /// <c>GET …/secrets/public-key</c> returns it, and returns the base64 <c>encrypted_value</c> for the PUT.
    /// </summary>
    /// <exception cref="InvalidPublicKeyException">The key is not base64 of a 32-byte X25519 key.</exception>
    public static string SealToBase64(string value, string base64PublicKey)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var plaintext = Encoding.UTF8.GetBytes(value);
        try
        {
            return Convert.ToBase64String(Seal(plaintext, DecodeKey(base64PublicKey)));
        }
        finally
        {
            Array.Clear(plaintext, 0, plaintext.Length);
        }
    }

    private static byte[] DecodeKey(string base64PublicKey)
    {
        if (base64PublicKey is null)
        {
            throw new ArgumentNullException(nameof(base64PublicKey));
        }

        try
        {
            return Convert.FromBase64String(base64PublicKey);
        }
        catch (FormatException e)
        {
            throw new InvalidPublicKeyException("The public key is not valid base64; pass the \"key\" field of the public-key endpoint unchanged.", e);
        }
    }

    private static byte[] Nonce(byte[] ephemeralPublicKey, byte[] recipientPublicKey)
    {
        var blake2b = new Blake2bDigest(NonceLength * 8);
        blake2b.BlockUpdate(ephemeralPublicKey, 0, PublicKeyLength);
        blake2b.BlockUpdate(recipientPublicKey, 0, PublicKeyLength);
        var nonce = new byte[NonceLength];
        blake2b.DoFinal(nonce, 0);
        return nonce;
    }
}
