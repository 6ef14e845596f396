namespace SecretSync.Core.Checks.Leaks;

/// <summary>Reads a file no further than the size it had when it was looked at.</summary>
internal static class FilePrefix
{
    // Reads at most the size seen before opening: a file that grows (a log) or turns out not to be regular (swapped
    // for a FIFO meanwhile) is not read until an end that may never come.
    public static byte[] Read(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[length];
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total < buffer.Length)
        {
            Array.Resize(ref buffer, total);
        }

        return buffer;
    }
}
