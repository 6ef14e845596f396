using System.Runtime.InteropServices;
using System.Security;

namespace SecretSync.Core.Plumbing.Credentials;

/// <summary>Conversions between SecureString and string, used only at the edges (an HTTP body, a file being written).</summary>
public static class SecureStrings
{
    /// <summary>The most characters a SecureString holds (a limit of .NET's SecureString).</summary>
    public const int MaxLength = 65536;

    /// <summary>A read-only SecureString holding <paramref name="value"/>.</summary>
    /// <exception cref="SecretValueTooLongException"><paramref name="value"/> is longer than <see cref="MaxLength"/>.</exception>
    public static SecureString From(string value)
    {
        // Checked up front: SecureString itself fails with an ArgumentOutOfRangeException that says nothing useful.
        if (value.Length > MaxLength)
        {
            throw new SecretValueTooLongException(null, value.Length);
        }

        // One copy through the pointer constructor: AppendChar per character re-grows and re-locks the buffer for
        // each one, which made SecureStrings most of the cost of collecting a large .env file.
        SecureString secure;
        unsafe
        {
            fixed (char* chars = value)
            {
                secure = new SecureString(chars, value.Length);
            }
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>The plaintext of <paramref name="secure"/>; the unmanaged copy is zeroed before returning.</summary>
    public static string Reveal(SecureString secure)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(pointer, secure.Length);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>The plaintext of a value that is a SecureString or a string; null for anything else.</summary>
    public static string? RevealAny(object? value) => value switch
    {
        SecureString secure => Reveal(secure),
        string text => text,
        _ => null,
    };
}
