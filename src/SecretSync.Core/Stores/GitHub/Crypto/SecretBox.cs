using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace SecretSync.Core.Stores.GitHub.Crypto;

/// <summary>libsodium's crypto_secretbox_xsalsa20poly1305, the symmetric half of a <see cref="SealedBox"/>.</summary>
internal static class SecretBox
{
    /// <summary>Size in bytes of the Poly1305 tag.</summary>
    public const int TagLength = 16;

    private const int PolyKeyLength = 32;

    // The first 32 keystream bytes are the one-time Poly1305 key, the rest encrypts the message, and the tag
    // authenticates the ciphertext. Writes tag ‖ ciphertext at output[offset].
    public static void Seal(byte[] message, byte[] nonce, byte[] key, byte[] output, int offset)
    {
        var xsalsa20 = new XSalsa20Engine();
        xsalsa20.Init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        var polyKey = new byte[PolyKeyLength];
        try
        {
            xsalsa20.ProcessBytes(polyKey, 0, PolyKeyLength, polyKey, 0);
            var cipherOffset = offset + TagLength;
            xsalsa20.ProcessBytes(message, 0, message.Length, output, cipherOffset);

            var poly1305 = new Poly1305();
            poly1305.Init(new KeyParameter(polyKey));
            poly1305.BlockUpdate(output, cipherOffset, message.Length);
            poly1305.DoFinal(output, offset);
        }
        finally
        {
            Array.Clear(polyKey, 0, polyKey.Length);
        }
    }
}
