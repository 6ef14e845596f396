using System.ComponentModel;
using System.Diagnostics;

namespace SecretSync.Core.Plumbing.Git;

/// <summary>
/// Asks the git command line about files, as the user's own git would answer (its config, excludes and
/// .gitignore files), rather than re-implementing ignore rules. Every question has three answers: yes, no, and
/// "git cannot say" (<see cref="GitCommandException"/>), which callers that guard values must treat as a refusal.
/// </summary>
public sealed class GitRepository
{
    private GitRepository(string workTree) => WorkTree = workTree;

    /// <summary>Top folder of the working tree.</summary>
    public string WorkTree { get; }

    /// <summary>
    /// The repository whose working tree holds <paramref name="directory"/> (an existing folder); null when git
    /// answers that it is not in a working tree (then there is nothing git could track or ignore).
    /// </summary>
    /// <exception cref="GitCommandException">git is missing, refuses the repository, or fails: the answer is unknown.</exception>
    public static GitRepository? Find(string directory)
    {
        var result = Run(directory, "rev-parse", "--show-toplevel");
        if (result.ExitCode != 0 && result.Error.IndexOf("not a git repository", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        var top = result.ExitCode == 0 ? result.Output.Trim() : string.Empty;
        return top.Length > 0 ? new GitRepository(Path.GetFullPath(top)) : throw result.Failure(directory, "rev-parse --show-toplevel");
    }

    /// <summary>True when <paramref name="path"/> is in a git working tree and git tracks it; false outside any working tree.</summary>
    /// <exception cref="GitCommandException">git cannot answer.</exception>
    public static bool IsTrackedAnywhere(string path)
    {
        var (folder, _) = Locate(path);
        return Find(folder) is { } repository && repository.IsTracked(path);
    }

    /// <summary>True when git tracks <paramref name="path"/> (it is in the index). The file and its folders need not exist.</summary>
    /// <exception cref="GitCommandException">git cannot answer.</exception>
    public bool IsTracked(string path)
    {
        var (folder, relative) = Locate(path);

        // ":(literal)": a file named like a glob (mcp[1].json) must match only itself.
        var result = Run(folder, "ls-files", "--error-unmatch", "--", ":(literal)" + relative);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw result.Failure(folder, "ls-files"),
        };
    }

    /// <summary>True when git's ignore rules cover <paramref name="path"/>. The file and its folders need not exist.</summary>
    /// <exception cref="GitCommandException">git cannot answer.</exception>
    public bool IsIgnored(string path)
    {
        var (folder, relative) = Locate(path);
        var result = Run(folder, "check-ignore", "-q", "--", relative);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw result.Failure(folder, "check-ignore"),
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

    /// <summary>The nearest existing folder above <paramref name="path"/>, and the path relative to it with '/' separators.</summary>
    private static (string Folder, string Relative) Locate(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        while (!Directory.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new GitCommandException($"No folder of {full} exists.");
        }

        var relative = full.Substring(folder.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return (folder, relative.Replace('\\', '/'));
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
        return result.ExitCode == 0 ? result.Output : throw result.Failure(directory, string.Join(" ", arguments));
    }

    /// <exception cref="GitCommandException">git cannot be started.</exception>
    private static GitResult Run(string directory, params string[] arguments)
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

        start.Arguments = GitArguments.CommandLine(arguments);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";

        // Messages are matched ("not a git repository", "dubious ownership"), so they must be untranslated. A
        // repository above a mount point or a ceiling folder can still commit this path: discovery must reach it.
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANGUAGE"] = "C";
        start.Environment["GIT_DISCOVERY_ACROSS_FILESYSTEM"] = "1";
        start.Environment.Remove("GIT_CEILING_DIRECTORIES");
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new GitResult(process.ExitCode, output, error.GetAwaiter().GetResult());
        }
        catch (Win32Exception e)
        {
            throw new GitCommandException("git is not installed or not on PATH.", GitFailure.NotInstalled, e);
        }
    }
}
