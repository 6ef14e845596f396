using System.Security.Cryptography;

namespace SecretSync.Core.Plumbing.Files;

/// <summary>
/// What a file held when SecretSync read it, to tell before replacing it whether someone (an editor saving the same
/// file) changed it in between. The content's SHA-256 decides, not the modification time: its granularity is coarse
/// on some file systems, and an editor can restore it.
/// </summary>
public sealed class FileSnapshot
{
    private readonly byte[]? _hash;

    private FileSnapshot(byte[]? hash) => _hash = hash;

    /// <summary>The state of <paramref name="path"/> now (following symbolic links); a missing file (or link target) is a state too.</summary>
    public static FileSnapshot Take(string path)
    {
        var target = SymbolicLinks.ResolveFinalTarget(path);
        FileKinds.ThrowIfNotRegular(target, path);
        return File.Exists(target) ? ReadAllBytes(target).Snapshot : new FileSnapshot(null);
    }

    /// <summary>Reads <paramref name="path"/> once and returns its bytes with the snapshot of exactly those bytes.</summary>
    /// <exception cref="IOException">The path is not a regular file (a FIFO would block the read).</exception>
    public static (byte[] Bytes, FileSnapshot Snapshot) ReadAllBytes(string path)
    {
        FileKinds.ThrowIfNotRegular(path, path);
        var bytes = File.ReadAllBytes(path);
        using var sha = SHA256.Create();
        return (bytes, new FileSnapshot(sha.ComputeHash(bytes)));
    }

    /// <summary>Throws when <paramref name="path"/> no longer holds what this snapshot saw.</summary>
    /// <param name="path">The file to check (its resolved target, if it is a link).</param>
    /// <param name="shownPath">The name the user gave, for the message.</param>
    /// <exception cref="FileChangedException">The file was created, deleted or edited since.</exception>
    public void ThrowIfChanged(string path, string shownPath)
    {
        var now = Take(path);
        bool same = _hash is null || now._hash is null ? _hash is null && now._hash is null : AreEqual(_hash, now._hash);
        if (!same)
        {
            throw new FileChangedException(shownPath);
        }
    }

    private static bool AreEqual(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < a.Length; i++)
        {
            difference |= a[i] ^ b[i];
        }

        return difference == 0;
    }
}
