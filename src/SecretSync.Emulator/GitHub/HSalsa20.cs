using System.Buffers.Binary;

namespace SecretSync.Emulator.GitHub;

/// <summary>
/// HSalsa20 (NaCl spec, "Cryptography in NaCl" §8): derives the crypto_box key from the X25519 shared secret.
/// Written by hand because BouncyCastle has XSalsa20 and Poly1305 but exposes no HSalsa20 of its own.
/// </summary>
internal static class HSalsa20
{
    private static readonly uint[] s_sigma = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];

    public static byte[] Derive(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input)
    {
        if (key.Length != 32 || input.Length != 16)
        {
            throw new ArgumentException("HSalsa20 takes a 32-byte key and a 16-byte input.");
        }

        Span<uint> x = stackalloc uint[16];
        x[0] = s_sigma[0];
        x[5] = s_sigma[1];
        x[10] = s_sigma[2];
        x[15] = s_sigma[3];
        for (var i = 0; i < 4; i++)
        {
            x[1 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(4 * i)..]);
            x[11 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(16 + (4 * i))..]);
            x[6 + i] = BinaryPrimitives.ReadUInt32LittleEndian(input[(4 * i)..]);
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

        // Unlike Salsa20 itself, HSalsa20 adds no input words back and outputs words 0,5,10,15,6,7,8,9.
        var output = new byte[32];
        ReadOnlySpan<int> picks = [0, 5, 10, 15, 6, 7, 8, 9];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4 * i), x[picks[i]]);
        }

        return output;
    }

    private static void QuarterRound(Span<uint> x, int a, int b, int c, int d)
    {
        x[b] ^= uint.RotateLeft(x[a] + x[d], 7);
        x[c] ^= uint.RotateLeft(x[b] + x[a], 9);
        x[d] ^= uint.RotateLeft(x[c] + x[b], 13);
        x[a] ^= uint.RotateLeft(x[d] + x[c], 18);
    }
}
