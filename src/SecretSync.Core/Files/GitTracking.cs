using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SecretSync.Core.Files;

/// <summary>
/// Asks git whether a file is tracked: a secret hard-coded in a tracked file has probably been committed, and a
/// rewrite does not remove it from history, so the secret has to be rotated.
/// </summary>
public static class GitTracking
{
    private const int TimeoutMilliseconds = 10_000;

    /// <summary>
    /// True when <paramref name="path"/> is tracked by the git repository holding it; false when it is not, when the
    /// folder is no repository, or when git is not installed (the warning it feeds is advice, not a failure).
    /// </summary>
    public static bool IsTracked(string path)
    {
        var full = Path.GetFullPath(path);
        var start = new ProcessStartInfo("git")
        {
            // --literal-pathspecs: a file named like a glob (mcp[1].json) must match only itself.
            Arguments = "--literal-pathspecs ls-files --error-unmatch -- " + Quote(Path.GetFileName(full)),
            WorkingDirectory = Path.GetDirectoryName(full)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeoutMilliseconds))
            {
                process.Kill();
                return false;
            }

            output.Wait();
            errors.Wait();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            // git is not on PATH: there is no repository to warn about.
            return false;
        }
    }

    // ProcessStartInfo.Arguments is split by the Windows command-line rules on every OS (netstandard2.0 has no
    // ArgumentList): backslashes are literal except before a quote, where they and the quote are escaped.
    private static string Quote(string argument)
    {
        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
