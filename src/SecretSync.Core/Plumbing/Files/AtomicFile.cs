namespace SecretSync.Core.Plumbing.Files;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file beside the target (same file system, so
/// the final rename is atomic), which then replaces the target. A reader never sees half a file, and a failure
/// leaves the old file as it was. The one writer of every file SecretSync changes; a file that holds values is
/// checked with <c>ExportTargetGuard</c> first and written with <see cref="FileModePolicy.OwnerOnly"/>.
/// </summary>
public static class AtomicFile
{
    private const int OwnerReadWrite = 0x180; // 0600
    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces (or creates) <paramref name="path"/> with <paramref name="text"/> as UTF-8 (a leading U+FEFF is written as a BOM).</summary>
    /// <inheritdoc cref="WriteAllBytes"/>
    public static void WriteAllText(string path, string text, FileModePolicy mode = FileModePolicy.Default, FileSnapshot? readAs = null) =>
        WriteAllBytes(path, s_utf8NoBom.GetBytes(text), mode, readAs);

    /// <summary>
    /// Replaces (or creates) the file <paramref name="path"/> names with <paramref name="bytes"/>. A symbolic link
    /// stays a link: its final target is replaced. The temporary file is 0600 from its first byte and gets the final
    /// mode only when complete.
    /// </summary>
    /// <param name="path">The file; relative paths are relative to the process's current directory.</param>
    /// <param name="bytes">The whole new content.</param>
    /// <param name="mode">The mode the file ends up with.</param>
    /// <param name="readAs">The file as it was read when <paramref name="bytes"/> was computed from it; null when the content does not depend on it.</param>
    /// <exception cref="FileReadOnlyException">The file is read-only.</exception>
    /// <exception cref="FileChangedException">The file changed after <paramref name="readAs"/> was taken; nothing was written.</exception>
    /// <exception cref="IOException">A folder is in the way, a link cannot be followed, or the disk failed.</exception>
    public static void WriteAllBytes(string path, byte[] bytes, FileModePolicy mode = FileModePolicy.Default, FileSnapshot? readAs = null)
    {
        var shown = Path.GetFullPath(path);
        var target = SymbolicLinks.ResolveFinalTarget(shown);
        if (Directory.Exists(target))
        {
            throw new IOException($"{shown} is a folder; give the path of a file.");
        }

        // Renaming over a FIFO or device would swap a system object for a file of values.
        FileKinds.ThrowIfNotRegular(target, shown);

        // A rename needs only the folder's permission, so it would silently replace a file its owner made read-only.
        if (File.Exists(target) && (File.GetAttributes(target) & FileAttributes.ReadOnly) != 0)
        {
            throw new FileReadOnlyException(shown);
        }

        var existingMode = UnixFileModes.Get(target);
        int finalMode = mode switch
        {
            FileModePolicy.OwnerOnly => OwnerReadWrite,
            FileModePolicy.KeepExisting => existingMode ?? OwnerReadWrite,
            _ => existingMode ?? UnixFileModes.NewFileMode(),
        };

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        TemporaryFiles.RemoveLeftovers(folder);
        var temp = TemporaryFiles.NewPath(folder);
        try
        {
            using (var stream = OwnerOnlyFile.CreateNew(temp))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (finalMode != OwnerReadWrite)
            {
                UnixFileModes.Set(temp, finalMode);
            }

            // As late as possible: an edit saved after this check and before the rename is the one window left.
            readAs?.ThrowIfChanged(target, shown);
            if (File.Exists(target))
            {
                File.Replace(temp, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, target);
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
