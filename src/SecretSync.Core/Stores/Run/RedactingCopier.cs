namespace SecretSync.Core.Stores.Run;

/// <summary>
/// Copies a child's output stream to ours line by line through a <see cref="SecretRedactor"/>. Whole lines are
/// filtered together, so a value split across two reads of the pipe is still found; what has arrived is written
/// and flushed after each read, so output appears as the child writes it. A last line without a newline is written
/// when the stream ends.
/// </summary>
internal static class RedactingCopier
{
    private const int InitialBufferSize = 128 * 1024;

    /// <summary>Copies until <paramref name="input"/> ends.</summary>
    public static void Copy(Stream input, Stream output, SecretRedactor redactor)
    {
        var buffer = new byte[InitialBufferSize];
        int count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                // One line longer than the buffer: keep all of it, a secret may sit at its end.
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = input.Read(buffer, count, buffer.Length - count);
            if (read == 0)
            {
                if (count > 0)
                {
                    redactor.Write(buffer, 0, count, output);
                }

                output.Flush();
                return;
            }

            int end = Array.LastIndexOf(buffer, (byte)'\n', count + read - 1, read) + 1;
            if (end == 0)
            {
                // No newline in what just arrived: the line goes on (earlier bytes had none either).
                count += read;
                continue;
            }

            redactor.Write(buffer, 0, end, output);
            output.Flush();
            count += read - end;
            Buffer.BlockCopy(buffer, end, buffer, 0, count);
        }
    }
}
