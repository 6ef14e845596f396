using System.Reflection;

namespace SecretSync.Core.Plumbing.Files;

/// <summary>
/// Finds the file a path really names. Writers replace that file, not the link: renaming over a link would turn it
/// into a regular file and leave the old content (perhaps a tracked file with values) at the target.
/// netstandard2.0 has no FileSystemInfo.ResolveLinkTarget, but every runtime the module runs on (.NET 8+) does;
/// reflection reaches it rather than re-implementing readlink(2) and its relative-target rules.
/// </summary>
internal static class SymbolicLinks
{
    private static readonly MethodInfo? s_resolve = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", [typeof(bool)]);

    /// <summary>The full path of the final target of <paramref name="path"/> (which need not exist); the full path itself when it is no link.</summary>
    /// <exception cref="IOException">A link that cannot be resolved (a loop, or a runtime without the API): refused rather than replaced.</exception>
    public static string ResolveFinalTarget(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if ((int)info.Attributes == -1 || (info.Attributes & FileAttributes.ReparsePoint) == 0)
        {
            return full;
        }

        if (s_resolve is null)
        {
            throw new IOException($"{full} is a symbolic link and this runtime cannot resolve it; give the path of the file it points to.");
        }

        try
        {
            return s_resolve.Invoke(info, [true]) is FileSystemInfo target ? Path.GetFullPath(target.FullName) : full;
        }
        catch (TargetInvocationException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{full} is a symbolic link that cannot be followed ({e.InnerException.Message}); give the path of the file it points to.", e.InnerException);
        }
    }
}
