using System.Diagnostics;

namespace SecretSync.Core.Plumbing.Files;

/// <summary>
/// Names of the temporary files of atomic writes, and the removal of those a killed process left behind. A process
/// killed mid-write (SIGKILL, power loss) cannot delete its temporary file, which may hold values; the name says
/// which host and process made it, so a later write in the same folder removes it once that process is gone. Files
/// of another host (a shared or mounted folder) are left alone: their process ids mean nothing here.
/// </summary>
internal static class TemporaryFiles
{
    private const string Prefix = ".secretsync-";
    private static readonly Regex s_name = new(@"^\.secretsync-(?<host>[A-Za-z0-9-]{1,32})-(?<pid>[0-9]{1,10})-[0-9a-f]{12}\.tmp$", RegexOptions.CultureInvariant);
    private static readonly string s_host = HostTag();

    /// <summary>A fresh temporary path in <paramref name="folder"/>: <c>.secretsync-HOST-PID-RANDOM.tmp</c>.</summary>
    public static string NewPath(string folder) =>
        Path.Combine(folder, Prefix + s_host + "-" + CurrentProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");

    /// <summary>Deletes the temporary files in <paramref name="folder"/> made on this host by processes that no longer run.</summary>
    public static void RemoveLeftovers(string folder)
    {
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(folder, Prefix + "*.tmp");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is a courtesy; the write that follows reports a folder it cannot use.
            return;
        }

        foreach (var candidate in candidates)
        {
            var match = s_name.Match(Path.GetFileName(candidate));
            if (!match.Success || match.Groups["host"].Value != s_host || !int.TryParse(match.Groups["pid"].Value, out int pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                File.Delete(candidate);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's leftover in a shared folder: theirs to remove, and it is 0600, so unreadable to us.
                continue;
            }
        }
    }

    private static int CurrentProcessId
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.Id;
        }
    }

    // The current process and any other live one (a write in another runspace or session) keep their files; a reused
    // process id only delays the clean-up.
    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not ours to inspect (another user's process): it runs.
            return true;
        }
    }

    private static string HostTag()
    {
        var tag = new StringBuilder();
        foreach (char c in Environment.MachineName)
        {
            if (tag.Length < 32 && c < 128 && (char.IsLetterOrDigit(c) || c == '-'))
            {
                tag.Append(c);
            }
        }

        return tag.Length == 0 ? "host" : tag.ToString();
    }
}
