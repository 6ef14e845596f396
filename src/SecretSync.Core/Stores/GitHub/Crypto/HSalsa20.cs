namespace SecretSync.Core.Stores.GitHub.Crypto;

/// <summary>
/// HSalsa20 (crypto_core_hsalsa20), the key-derivation step of crypto_box_beforenm.
/// </summary>
/// <remarks>
/// Written by hand because BouncyCastle.Cryptography computes HSalsa20 only inside XSalsa20Engine.SetKey and
/// exposes neither it nor Salsa20Engine.SalsaCore. It follows Bernstein, "Extending the Salsa20 nonce" (2011),
/// section 2: the 20-round Salsa20 core without the final feed-forward addition, keeping words 0, 5, 10, 15, 6,
/// 7, 8, 9. Checked against the NaCl/libsodium core1 and core2 vectors in the tests. Everything else of the
/// sealed box comes from BouncyCastle.
/// </remarks>
internal static class HSalsa20
{
    /// <summary>Size in bytes of the key and of the output.</summary>
    public const int KeyLength = 32;

    /// <summary>Size in bytes of the input block (crypto_box_beforenm passes 16 zero bytes).</summary>
    public const int InputLength = 16;

    // "expand 32-byte k" as four little-endian words: the Salsa20 constant sigma.
    private static readonly uint[] s_sigma = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];

    /// <summary>Writes HSalsa20(<paramref name="key"/>, <paramref name="input"/>) to <paramref name="output"/>.</summary>
    public static void Derive(byte[] key, byte[] input, byte[] output)
    {
        var x = new uint[16];
        x[0] = s_sigma[0];
        x[5] = s_sigma[1];
        x[10] = s_sigma[2];
        x[15] = s_sigma[3];
        for (var i = 0; i < 4; i++)
        {
            x[1 + i] = ReadLittleEndian(key, 4 * i);
            x[11 + i] = ReadLittleEndian(key, 16 + (4 * i));
            x[6 + i] = ReadLittleEndian(input, 4 * i);
        }

        for (var round = 0; round < 20; round += 2)
        {
            QuarterRound(x, 0, 4, 8, 12);
            QuarterRound(x, 5, 9, 13, 1);
            QuarterRound(x, 10, 14, 2, 6);
            QuarterRound(x, 15, 3, 7, 11);
            QuarterRound(x, 0, 1, 2, 3);
            QuarterRound(x, 5, 6, 7, 4);
            QuarterRound(x, 10, 11, 8, 9);
            QuarterRound(x, 15, 12, 13, 14);
        }

        int[] outputWords = [0, 5, 10, 15, 6, 7, 8, 9];
        for (var i = 0; i < outputWords.Length; i++)
        {
            WriteLittleEndian(x[outputWords[i]], output, 4 * i);
        }

        Array.Clear(x, 0, x.Length);
    }

    private static void QuarterRound(uint[] x, int a, int b, int c, int d)
    {
        x[b] ^= RotateLeft(x[a] + x[d], 7);
        x[c] ^= RotateLeft(x[b] + x[a], 9);
        x[d] ^= RotateLeft(x[c] + x[b], 13);
        x[a] ^= RotateLeft(x[d] + x[c], 18);
    }

    private static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));

    private static uint ReadLittleEndian(byte[] bytes, int offset) =>
        bytes[offset] | ((uint)bytes[offset + 1] << 8) | ((uint)bytes[offset + 2] << 16) | ((uint)bytes[offset + 3] << 24);

    private static void WriteLittleEndian(uint value, byte[] bytes, int offset)
    {
        bytes[offset] = (byte)value;
        bytes[offset + 1] = (byte)(value >> 8);
        bytes[offset + 2] = (byte)(value >> 16);
        bytes[offset + 3] = (byte)(value >> 24);
    }
}
