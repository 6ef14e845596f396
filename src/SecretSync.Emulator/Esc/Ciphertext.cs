using System.Buffers.Binary;
using System.IO.Hashing;

namespace SecretSync.Emulator.Esc;

/// <summary>
/// The escx envelope of pulumi/esc eval/crypt.go: base64("escx" ‖ uint32be(1) ‖ payload ‖ uint32be(crc32)).
/// The payload "cipher" is the CLI fake's rot128 (each byte + 128): the emulator needs the real envelope so that
/// clients see realistic ciphertext, not real confidentiality.
/// </summary>
internal static class Ciphertext
{
    private static readonly byte[] s_magic = "escx"u8.ToArray();

    public static string Encrypt(string plaintext)
    {
        var payload = Encoding.UTF8.GetBytes(plaintext);
        var envelope = new byte[payload.Length + 12];
        s_magic.CopyTo(envelope, 0);
        BinaryPrimitives.WriteUInt32BigEndian(envelope.AsSpan(4), 1);
        for (var i = 0; i < payload.Length; i++)
        {
            envelope[8 + i] = unchecked((byte)(payload[i] + 128));
        }

        var crc = Crc32.HashToUInt32(envelope.AsSpan(0, envelope.Length - 4));
        BinaryPrimitives.WriteUInt32BigEndian(envelope.AsSpan(envelope.Length - 4), crc);
        return Convert.ToBase64String(envelope);
    }

    /// <summary>Decrypts an envelope; returns null and a reason (no secret material) when it is invalid.</summary>
    public static string? TryDecrypt(string ciphertext, out string problem)
    {
        problem = string.Empty;
        byte[] envelope;
        try
        {
            envelope = Convert.FromBase64String(ciphertext);
        }
        catch (FormatException)
        {
            problem = "invalid ciphertext: illegal base64 data";
            return null;
        }

        // pulumi/esc wants 16 bytes; 12 is accepted so that an empty secret (no payload) still round-trips here.
        if (envelope.Length < 12 || !envelope.AsSpan(0, 4).SequenceEqual(s_magic))
        {
            problem = "invalid ciphertext: invalid header";
            return null;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(envelope.AsSpan(4)) != 1)
        {
            problem = "invalid ciphertext: unsupported version";
            return null;
        }

        var crc = Crc32.HashToUInt32(envelope.AsSpan(0, envelope.Length - 4));
        if (crc != BinaryPrimitives.ReadUInt32BigEndian(envelope.AsSpan(envelope.Length - 4)))
        {
            problem = "invalid ciphertext: invalid checksum";
            return null;
        }

        var payload = envelope.AsSpan(8, envelope.Length - 12).ToArray();
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = unchecked((byte)(payload[i] - 128));
        }

        return Encoding.UTF8.GetString(payload);
    }
}
