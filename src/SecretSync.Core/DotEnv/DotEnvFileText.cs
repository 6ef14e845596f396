namespace SecretSync.Core.DotEnv;

/// <summary>
/// Reads a .env file's text strictly: bad UTF-8 is an error with its position, not U+FFFD in a secret. UTF-8 is
/// decoded in two streaming passes (count, then fill the one string), so a large file never sits in memory as bytes
/// and text at once; anything unusual (a UTF-16 BOM, a bad byte, a file changing meanwhile) takes the whole-file path.
/// </summary>
internal static class DotEnvFileText
{
    private const int ChunkSize = 1 << 16;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            var buffer = new byte[ChunkSize];
            int start = StartAfterUtf8Bom(stream, buffer);
            if (start >= 0 && TryReadUtf8(stream, start, buffer) is { } text)
            {
                return text;
            }
        }

        return ReadWhole(path);
    }

    /// <summary>Where UTF-8 text starts (after a UTF-8 BOM), or -1 for a UTF-16 BOM.</summary>
    private static int StartAfterUtf8Bom(FileStream stream, byte[] buffer)
    {
        int read = 0;
        while (read < 3 && stream.Read(buffer, read, 3 - read) is var n && n > 0)
        {
            read += n;
        }

        if (read >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
        {
            return -1;
        }

        return read == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
    }

    /// <summary>The text, or null when a pass finds a bad byte or the two passes disagree (the file changed).</summary>
    private static unsafe string? TryReadUtf8(FileStream stream, int start, byte[] buffer)
    {
        var decoder = s_strictUtf8.GetDecoder();
        long count = 0;
        try
        {
            stream.Position = start;
            for (int n; (n = stream.Read(buffer, 0, buffer.Length)) > 0;)
            {
                count += decoder.GetCharCount(buffer, 0, n, flush: false);
            }

            count += decoder.GetCharCount(buffer, 0, 0, flush: true);
            if (count > int.MaxValue)
            {
                return null;
            }

            // Filled through a pointer before anything else can see it: the one copy of the text there will be.
            var text = new string('\0', (int)count);
            decoder.Reset();
            stream.Position = start;
            int filled = 0;
            fixed (char* chars = text)
            fixed (byte* bytes = buffer)
            {
                for (int n; (n = stream.Read(buffer, 0, buffer.Length)) > 0;)
                {
                    if (decoder.GetCharCount(bytes, n, flush: false) > (int)count - filled)
                    {
                        return null;
                    }

                    filled += decoder.GetChars(bytes, n, chars + filled, (int)count - filled, flush: false);
                }

                filled += decoder.GetChars(bytes, 0, chars + filled, (int)count - filled, flush: true);
            }

            return filled == count ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string ReadWhole(string path)
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
