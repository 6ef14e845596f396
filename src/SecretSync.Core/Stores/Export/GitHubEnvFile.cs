namespace SecretSync.Core.Stores.Export;

/// <summary>
/// Entries for the file named by $GITHUB_ENV: <c>NAME=value</c> for one-line values, and the runner's
/// <c>NAME&lt;&lt;DELIMITER</c> form for multi-line ones, with a random delimiter that does not occur in the value
/// (a value line equal to the delimiter would end it early and inject whatever follows as new variables).
/// </summary>
public static class GitHubEnvFile
{
    /// <summary>One entry, ending with a line break.</summary>
    /// <param name="name">A portable variable name (see <see cref="ExportNameException.ThrowIfInvalid"/>).</param>
    /// <param name="value">The value.</param>
    /// <param name="newDelimiter">Makes a fresh random delimiter; tests pass a fixed one.</param>
    public static string FormatEntry(string name, string value, Func<string>? newDelimiter = null)
    {
        ExportNameException.ThrowIfInvalid(name);
        if (value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0)
        {
            return name + "=" + value + "\n";
        }

        var make = newDelimiter ?? (() => "ghadelimiter_" + Guid.NewGuid().ToString("N"));
        var delimiter = make();
        while (value.IndexOf(delimiter, StringComparison.Ordinal) >= 0)
        {
            delimiter = make();
        }

        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }

    /// <summary>
    /// Appends <paramref name="text"/> to the file as UTF-8 without a BOM, as the runner reads it. Appending follows a
    /// symbolic link to its target; a new file is created 0600, and a read-only one is refused.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="text">Entries from <see cref="FormatEntry"/>.</param>
    /// <param name="ownerOnly">Also make an existing file 0600 before the values land in it (a file the user chose; not the runner's own).</param>
    /// <exception cref="FileReadOnlyException">The file is read-only.</exception>
    public static void Append(string path, string text, bool ownerOnly)
    {
        var target = SymbolicLinks.ResolveFinalTarget(path);
        FileKinds.ThrowIfNotRegular(target, path);
        bool exists = File.Exists(target);
        if (exists && (File.GetAttributes(target) & FileAttributes.ReadOnly) != 0)
        {
            throw new FileReadOnlyException(Path.GetFullPath(path));
        }

        if (exists && ownerOnly)
        {
            UnixFileModes.Set(target, 0x180); // 0600
        }

        using var stream = exists ? new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.Read) : OwnerOnlyFile.CreateNew(target);
        var bytes = new UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    }
}
