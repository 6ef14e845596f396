using System.Security.Cryptography;

namespace SecretSync.Core.Records.Secrets;

/// <summary>
/// 8 hex characters of HMAC-SHA256 of a value under a key that is random per process: equal values compare equal
/// within one PowerShell session, and nothing about a value can be learned or compared across sessions.
/// </summary>
internal static class SecretFingerprint
{
    private static readonly byte[] s_key = NewKey();

    // One HMAC per thread: creating one per value cost more than hashing it (ComputeHash leaves it ready for the next).
    [ThreadStatic]
    private static HMACSHA256? s_threadHmac;

    /// <summary>The fingerprint of <paramref name="value"/>.</summary>
    public static string Of(string value)
    {
        var hmac = s_threadHmac ??= new HMACSHA256(s_key);
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
        var hex = new char[8];
        for (int i = 0; i < 4; i++)
        {
            hex[2 * i] = HexDigit(hash[i] >> 4);
            hex[(2 * i) + 1] = HexDigit(hash[i] & 0xF);
        }

        return new string(hex);
    }

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    private static byte[] NewKey()
    {
        var key = new byte[32];
        using var random = RandomNumberGenerator.Create();
        random.GetBytes(key);
        return key;
    }
}
