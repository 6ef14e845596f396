using System.Runtime.InteropServices;

namespace SecretSync.Core.Plumbing.Files;

/// <summary>
/// Tells regular files from FIFOs, sockets and devices, which a writer must not replace and a reader must not open
/// (opening a FIFO blocks until a writer appears; a device may never end). netstandard2.0 and .NET alike expose no
/// file type, and libc's struct stat differs per OS and CPU; the runtime's own native shim (libSystem.Native, in every
/// .NET runtime on Unix since 1.0) fills one fixed, platform-neutral layout whose second field is st_mode.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;   // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG
    private const int StatusBufferSize = 256; // larger than the shim's FileStatus in any runtime version

    /// <summary>True when <paramref name="path"/> (following links) is a regular file; false for a FIFO, socket, device or folder.</summary>
    /// <exception cref="IOException">The file's type cannot be read.</exception>
    public static bool IsRegularFile(string path)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return File.Exists(path);
        }

        var status = new byte[StatusBufferSize];
        int result;
        try
        {
            result = Stat(path, status);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new IOException($"Cannot tell what kind of file {path} is on this runtime, so SecretSync does not touch it.", e);
        }

        return result == 0 && (BitConverter.ToInt32(status, 4) & TypeMask) == RegularFile;
    }

    /// <summary>Throws when <paramref name="path"/> exists (following links) and is not a regular file.</summary>
    /// <param name="path">The file to check.</param>
    /// <param name="shownPath">The name the user gave, for the message.</param>
    /// <exception cref="IOException">A FIFO, socket, device or folder is in the way.</exception>
    public static void ThrowIfNotRegular(string path, string shownPath)
    {
        if ((File.Exists(path) || Directory.Exists(path)) && !IsRegularFile(path))
        {
            throw new IOException($"{shownPath} is not a regular file (a folder, FIFO, socket or device): SecretSync neither reads nor replaces it. Give the path of a regular file.");
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPStr)] string path, byte[] status);
}
