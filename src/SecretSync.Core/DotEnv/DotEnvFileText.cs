using System;
using System.IO;
using System.Linq;
using System.Text;

namespace SecretSync.Core.DotEnv;

/// <summary>Reads a .env file's text strictly: bad UTF-8 is an error with its position, not U+FFFD in a secret.</summary>
internal static class DotEnvFileText
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);

        // Windows PowerShell 5.1's '>' writes UTF-16 LE with a BOM; python-dotenv would fail on it, we just read it.
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return s_strictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            int bad = start + (ex.Index < 0 ? 0 : ex.Index);
            int line = 1 + bytes.Take(bad).Count(b => b == (byte)'\n');
            int lineStart = Array.LastIndexOf(bytes, (byte)'\n', bad > 0 ? bad - 1 : 0) + 1;
            // The decoder's own message quotes the bad bytes, which may be part of a secret: keep only the position.
            var inner = new DecoderFallbackException("invalid UTF-8 byte sequence", null, ex.Index);
            throw new DotEnvParseException(path, line, bad - lineStart + 1, "not valid UTF-8 (column counted in bytes); save the file as UTF-8", inner);
        }
    }
}
