namespace SecretSync.Core.Stores.Run;

/// <summary>
/// The temporary files of ESC's <c>files</c> entries: each a new file of its own, readable only by its owner (mode
/// 0600 given to open(2), so never readable by others even for a moment), created with O_EXCL so a planted file or
/// symlink of the same name makes the creation fail instead of being written through. Dispose removes them all.
/// </summary>
public sealed class TemporaryFiles : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly List<string> _paths = [];

    private TemporaryFiles()
    {
    }

    /// <summary>The files written, in creation order.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>Writes a file for each file variable of <paramref name="environment"/> in <paramref name="folder"/>; the map gives each variable's path. On failure none is left.</summary>
    public static TemporaryFiles Write(RunEnvironment environment, string folder, out IReadOnlyDictionary<string, string> pathByName)
    {
        var files = new TemporaryFiles();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var variable in environment.Variables)
            {
                if (variable.IsFile)
                {
                    paths[variable.Name] = files.Add(folder, variable.Value);
                }
            }
        }
        catch
        {
            files.Dispose();
            throw;
        }

        pathByName = paths;
        return files;
    }

    /// <summary>Removes every file; one that is already gone is no error.</summary>
    public void Dispose()
    {
        foreach (var path in _paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another file may still be removable; the caller checks Remaining.
            }
        }
    }

    /// <summary>Files that could not be removed (normally none).</summary>
    public IEnumerable<string> Remaining => _paths.FindAll(File.Exists);

    private string Add(string folder, string content)
    {
        var path = Path.Combine(folder, "secretsync-" + Guid.NewGuid().ToString("N").Substring(0, 16));
        using var stream = OwnerOnlyFile.CreateNew(path);

        // Only a file this call created is ours to remove; a name that existed already was refused above.
        _paths.Add(path);
        var bytes = s_utf8.GetBytes(content);
        stream.Write(bytes, 0, bytes.Length);
        return path;
    }
}
