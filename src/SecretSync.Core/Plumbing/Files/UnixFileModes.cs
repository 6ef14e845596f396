using System.Reflection;
using System.Runtime.InteropServices;

namespace SecretSync.Core.Plumbing.Files;

/// <summary>
/// Reads and sets a file's Unix permission bits. netstandard2.0 has no File.GetUnixFileMode/SetUnixFileMode, but
/// every runtime the module runs on (pwsh 7.4+, so .NET 8+) has them: reflection reaches them without P/Invoking
/// stat(2), whose struct layout differs per OS and CPU and would be easy to get silently wrong. On Windows, or a
/// runtime without the methods, nothing is read or set.
/// </summary>
internal static class UnixFileModes
{
    private const int DefaultUmask = 0x12; // 022, what nearly every system uses when the real one can't be read

    private static readonly MethodInfo? s_get = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
        ? null
        : typeof(File).GetMethod("GetUnixFileMode", [typeof(string)]);

    private static readonly MethodInfo? s_set = s_get is null
        ? null
        : typeof(File).GetMethod("SetUnixFileMode", [typeof(string), s_get.ReturnType]);

    /// <summary>The permission bits of <paramref name="path"/>, or null when they can't be known.</summary>
    public static int? Get(string path) =>
        s_get is null || s_set is null || !File.Exists(path) ? null : Convert.ToInt32(Invoke(s_get, path));

    /// <summary>Sets the permission bits <paramref name="mode"/> on <paramref name="path"/>; null does nothing.</summary>
    public static void Set(string path, int? mode)
    {
        if (mode is { } bits && s_get is not null && s_set is not null)
        {
            Invoke(s_set, path, Enum.ToObject(s_get.ReturnType, bits));
        }
    }

    /// <summary>
    /// The mode a new file gets from open(2) with 0666 under the process umask. Linux shows the umask in
    /// /proc/self/status; calling umask(2) to read it would change it for every thread of the process meanwhile.
    /// </summary>
    public static int NewFileMode()
    {
        int umask = DefaultUmask;
        try
        {
            foreach (var line in File.ReadAllLines("/proc/self/status"))
            {
                if (line.StartsWith("Umask:", StringComparison.Ordinal))
                {
                    umask = Convert.ToInt32(line.Substring(6).Trim(), 8);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // Not Linux (or an old kernel): the usual 022.
            umask = DefaultUmask;
        }

        return 0x1B6 & ~umask; // 0666
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
