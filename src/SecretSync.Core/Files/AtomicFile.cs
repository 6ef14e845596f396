using System;
using System.IO;
using System.Text;

namespace SecretSync.Core.Files;

/// <summary>
/// Writes a file so that readers see either the old content or the new one, never a part: the text goes to a temp
/// file in the same folder (same file system, so the final rename is atomic), which then replaces the target.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8 (a leading U+FEFF in the text is written as a BOM).</summary>
    /// <param name="path">Full path of the target; its folder must exist.</param>
    /// <param name="content">The whole new content.</param>
    /// <param name="ownerOnly">Create with mode 0600 on Unix: for files that hold secret values.</param>
    public static void WriteAllText(string path, string content, bool ownerOnly)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        try
        {
            using (var stream = ownerOnly ? OwnerOnlyFile.CreateNew(temp) : new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = s_utf8.GetBytes(content);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, path);
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
