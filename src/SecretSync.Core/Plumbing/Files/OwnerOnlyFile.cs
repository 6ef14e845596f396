using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SecretSync.Core.Plumbing.Files;

/// <summary>
/// Creates a new file that only its owner can read (mode 0600 on Unix). The mode is given to open(2) itself: a file
/// created first and chmod-ed after could be opened by another user in between, and an open descriptor keeps its
/// access after a later chmod. netstandard2.0 has no File.SetUnixFileMode, hence the two libc calls.
/// </summary>
internal static class OwnerOnlyFile
{
    private const int OwnerReadWrite = 0x180; // 0600

    /// <summary>A new, empty file at <paramref name="path"/> opened for writing; fails if it exists.</summary>
    public static FileStream CreateNew(string path)
    {
        if (!IsUnix)
        {
            // Windows: a new file inherits the folder's ACL (the user's profile or the project), as Notepad's would.
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        // open(2) is variadic, and Apple's arm64 ABI passes variadic arguments on the stack, where a P/Invoke
        // does not put them: macOS uses creat(2) (not variadic; the random temp name stands in for O_EXCL).
        int fd = RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? Creat(path, OwnerReadWrite)
            : Open(path, 0x0001 | 0x0040 | 0x0080 | 0x80000, OwnerReadWrite); // O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        if (fd < 0)
        {
            throw new IOException($"Cannot create {path}: {new Win32Exception(Marshal.GetLastWin32Error()).Message}");
        }

        var handle = new SafeFileHandle(new IntPtr(fd), ownsHandle: true);

        // The umask can only remove bits; set exactly 0600 so the owner can always write it.
        if (Chmod(path, OwnerReadWrite) != 0)
        {
            handle.Dispose();
            throw new IOException($"Cannot set mode 0600 on {path}: {new Win32Exception(Marshal.GetLastWin32Error()).Message}");
        }

        return new FileStream(handle, FileAccess.Write);
    }

    /// <summary>True on Linux and macOS, where file modes apply.</summary>
    public static bool IsUnix => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPStr)] string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "creat", SetLastError = true)]
    private static extern int Creat([MarshalAs(UnmanagedType.LPStr)] string path, int mode);

    [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
    private static extern int Chmod([MarshalAs(UnmanagedType.LPStr)] string path, int mode);
}
