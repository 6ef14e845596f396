using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace SecretSync.Emulator.GitHub;

/// <summary>
/// libsodium crypto_box_seal_open: sealed = ephemeral pk(32) ‖ Poly1305 tag(16) ‖ XSalsa20 ciphertext.
/// Opening for real (not just accepting any base64) is what makes the emulator catch a client's crypto mistakes.
/// </summary>
internal static class SealedBoxOpener
{
    public const int KeySize = 32;
    public const int Overhead = 48;

    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        var publicKey = new byte[KeySize];
        X25519.ScalarMultBase(privateKey.ToArray(), 0, publicKey, 0);
        return publicKey;
    }

    /// <summary>Returns the plaintext, or null when the box is malformed or was not sealed for this key pair.</summary>
    public static byte[]? TryOpen(ReadOnlySpan<byte> sealedBox, ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        if (sealedBox.Length < Overhead)
        {
            return null;
        }

        var ephemeralPublic = sealedBox[..KeySize].ToArray();
        var shared = new byte[KeySize];
        if (!X25519.CalculateAgreement(privateKey.ToArray(), 0, ephemeralPublic, 0, shared, 0))
        {
            return null;
        }

        var nonce = Nonce(ephemeralPublic, publicKey);
        var boxKey = HSalsa20.Derive(shared, new byte[16]);
        var cipher = new XSalsa20Engine();
        cipher.Init(false, new ParametersWithIV(new KeyParameter(boxKey), nonce));

        // The first 32 bytes of the XSalsa20 keystream are the one-time Poly1305 key (crypto_secretbox).
        var polyKey = new byte[32];
        cipher.ProcessBytes(new byte[32], 0, 32, polyKey, 0);
        var tag = sealedBox.Slice(KeySize, 16);
        var body = sealedBox[Overhead..].ToArray();

        var mac = new Poly1305();
        mac.Init(new KeyParameter(polyKey));
        mac.BlockUpdate(body, 0, body.Length);
        var expected = new byte[16];
        mac.DoFinal(expected, 0);
        if (!CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            return null;
        }

        var plaintext = new byte[body.Length];
        cipher.ProcessBytes(body, 0, body.Length, plaintext, 0);
        return plaintext;
    }

    private static byte[] Nonce(byte[] ephemeralPublic, ReadOnlySpan<byte> recipientPublic)
    {
        var digest = new Blake2bDigest(192);
        digest.BlockUpdate(ephemeralPublic, 0, ephemeralPublic.Length);
        var recipient = recipientPublic.ToArray();
        digest.BlockUpdate(recipient, 0, recipient.Length);
        var nonce = new byte[24];
        digest.DoFinal(nonce, 0);
        return nonce;
    }
}
