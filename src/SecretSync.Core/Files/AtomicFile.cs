using System;
using System.IO;
using System.Text;

namespace SecretSync.Core.Files;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file in the same folder (same file system, so
/// the final rename is atomic), which then replaces the target. A reader never sees half a file, and a failure
/// leaves the old file as it was.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="text"/> as UTF-8 (a leading U+FEFF is written as a BOM).</summary>
    public static void WriteAllText(string path, string text, FileModePolicy mode = FileModePolicy.Default) =>
        WriteAllBytes(path, s_utf8NoBom.GetBytes(text), mode);

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="bytes"/>, its mode following <paramref name="mode"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, FileModePolicy mode = FileModePolicy.Default)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{full} is a folder; give the path of a file.");
        }

        var existingMode = mode == FileModePolicy.KeepExisting ? UnixFileModes.Get(full) : null;
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        try
        {
            using (var stream = mode == FileModePolicy.OwnerOnly ? OwnerOnlyFile.CreateNew(temp) : new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // Before the first byte is written, so the content is never readable under a wider mode.
                UnixFileModes.Set(temp, existingMode);
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
