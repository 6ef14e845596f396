using System;
using System.IO;
using System.Text;

namespace SecretSync.Core.Files;

/// <summary>
/// Writes a file whole or not at all: the text goes to a temporary file in the same folder, which then replaces
/// the target in one rename. A reader never sees half a file, and a failure leaves the old file as it was.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="text"/> as UTF-8 without BOM.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, s_utf8NoBom.GetBytes(text));

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => WriteAllBytes(path, bytes, keepMode: false);

    /// <summary>
    /// Replaces (or creates) <paramref name="path"/> with <paramref name="bytes"/>. With <paramref name="keepMode"/>
    /// the replacement gets the Unix mode of the file it replaces (a 0600 <c>~/.claude.json</c> stays 0600): the
    /// rename would otherwise leave the temporary file's default mode in its place.
    /// </summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool keepMode)
    {
        var full = Path.GetFullPath(path);
        var mode = keepMode ? UnixFileModes.Get(full) : null;
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // Before the first byte is written, so the content is never readable under a wider mode.
                UnixFileModes.Set(temp, mode);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(full))
            {
                File.Replace(temp, full, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, full);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
