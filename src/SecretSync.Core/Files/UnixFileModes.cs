using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace SecretSync.Core.Files;

/// <summary>
/// Reads and sets a file's Unix permission bits. netstandard2.0 has no File.GetUnixFileMode/SetUnixFileMode, but
/// every runtime the module runs on (pwsh 7.4+, so .NET 8+) has them: reflection reaches them without P/Invoking
/// stat(2), whose struct layout differs per OS and CPU and would be easy to get silently wrong. On Windows, or a
/// runtime without the methods, nothing is read or set.
/// </summary>
internal static class UnixFileModes
{
    private static readonly MethodInfo? s_get = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
        ? null
        : typeof(File).GetMethod("GetUnixFileMode", [typeof(string)]);

    private static readonly MethodInfo? s_set = s_get is null
        ? null
        : typeof(File).GetMethod("SetUnixFileMode", [typeof(string), s_get.ReturnType]);

    /// <summary>The mode of <paramref name="path"/> (a boxed System.IO.UnixFileMode), or null when it can't be known.</summary>
    public static object? Get(string path) => s_get is null || s_set is null || !File.Exists(path) ? null : Invoke(s_get, path);

    /// <summary>Sets <paramref name="mode"/> (from <see cref="Get"/>) on <paramref name="path"/>; null does nothing.</summary>
    public static void Set(string path, object? mode)
    {
        if (mode is not null && s_set is not null)
        {
            Invoke(s_set, path, mode);
        }
    }

    private static object? Invoke(MethodInfo method, params object[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // Surface the real IOException/UnauthorizedAccessException, not reflection's wrapper.
            throw e.InnerException;
        }
    }
}
