using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SecretSync.Core.Git;

/// <summary>
/// Asks the git command line about files, as the user's own git would answer (its config, excludes and
/// .gitignore files), rather than re-implementing ignore rules.
/// </summary>
public sealed class GitRepository
{
    private GitRepository(string workTree) => WorkTree = workTree;

    /// <summary>Top folder of the working tree.</summary>
    public string WorkTree { get; }

    /// <summary>
    /// The repository whose working tree holds <paramref name="directory"/>; null when git is not installed or the
    /// folder is not in a working tree (then there is nothing git could track or ignore).
    /// </summary>
    public static GitRepository? Find(string directory)
    {
        var result = TryRun(directory, "rev-parse", "--show-toplevel");
        if (result is not { ExitCode: 0 } ok)
        {
            return null;
        }

        var top = ok.Output.Trim();
        return top.Length == 0 ? null : new GitRepository(Path.GetFullPath(top));
    }

    /// <summary>True when <paramref name="path"/> is in a git working tree and git tracks it; false otherwise (also without git).</summary>
    public static bool IsTrackedAnywhere(string path) =>
        Find(Path.GetDirectoryName(Path.GetFullPath(path))!) is { } repository && repository.IsTracked(Path.GetFullPath(path));

    /// <summary>True when git tracks <paramref name="path"/> (it is in the index).</summary>
    public bool IsTracked(string path) =>
        // ":(literal)": a file named like a glob (mcp[1].json) must match only itself.
        Run(Path.GetDirectoryName(path)!, "ls-files", "--error-unmatch", "--", ":(literal)" + Path.GetFileName(path)).ExitCode == 0;

    /// <summary>True when git's ignore rules cover <paramref name="path"/>.</summary>
    public bool IsIgnored(string path)
    {
        var result = Run(Path.GetDirectoryName(path)!, "check-ignore", "-q", "--", Path.GetFileName(path));
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new GitCommandException($"git check-ignore failed for {path}: {result.Error.Trim()}"),
        };
    }

    /// <summary>
    /// Files under <paramref name="directory"/>, relative to it with '/' separators: tracked ones, then (with
    /// <paramref name="includeUntracked"/>) untracked ones that are not ignored.
    /// </summary>
    public (IReadOnlyList<string> Tracked, IReadOnlyList<string> Untracked) ListFiles(string directory, bool includeUntracked)
    {
        var tracked = Split(RunOrThrow(directory, "ls-files", "-z"));
        var untracked = includeUntracked ? Split(RunOrThrow(directory, "ls-files", "-z", "--others", "--exclude-standard")) : [];
        return (tracked, untracked);
    }

    private static List<string> Split(string output)
    {
        var names = new List<string>();
        foreach (var name in output.Split('\0'))
        {
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static string RunOrThrow(string directory, params string[] arguments)
    {
        var result = Run(directory, arguments);
        return result.ExitCode == 0 ? result.Output : throw new GitCommandException($"git {string.Join(" ", arguments)} failed in {directory}: {result.Error.Trim()}");
    }

    private static GitResult Run(string directory, params string[] arguments) =>
        TryRun(directory, arguments) ?? throw new GitCommandException("git is no longer available.");

    /// <summary>Runs git; null when it cannot be started (not installed).</summary>
    private static GitResult? TryRun(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // -z output is raw bytes; core.quotepath=off keeps non-ASCII names readable in the rare non -z calls.
        start.Arguments = "-c core.quotepath=off " + string.Join(" ", Array.ConvertAll(arguments, Quote));
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new GitResult(process.ExitCode, output, error.GetAwaiter().GetResult());
        }
        catch (Win32Exception)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Quotes one argument by the rules ProcessStartInfo.Arguments is split with (backslashes are literal unless a quote follows).</summary>
    private static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '"', '\t', '\'']) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
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

    private sealed record GitResult(int ExitCode, string Output, string Error);
}
