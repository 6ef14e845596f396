using System.Collections.Concurrent;
using SecretSync.Core.Plumbing.Git;

namespace SecretSync.Core.Checks.Leaks;

/// <summary>
/// Scans a folder for leaks. In a git working tree it scans what git would commit (tracked files, plus untracked
/// files that are not ignored when asked), elsewhere every file except under .git. Each file is read once, binary
/// files (a NUL byte in the first 8 KB), files over the size limit and anything but regular files (FIFOs, sockets,
/// devices: opening one can block forever) are not read, and files are scanned in parallel. Findings come back
/// sorted by file, line, kind and name.
/// </summary>
public sealed class LeakScanner
{
    private const int BinaryProbeLength = 8000;
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly ISyncReporter _reporter;

    public LeakScanner(ISyncReporter reporter) => _reporter = reporter;

    /// <summary>The standard checks: known values, tracked .env files, literal credentials in MCP configs.</summary>
    /// <param name="knownValues">Secret name → value pairs to search for.</param>
    /// <param name="reporter">Told which values are too short to search.</param>
    public static IReadOnlyList<ILeakDetector> DefaultDetectors(IEnumerable<KeyValuePair<string, string>> knownValues, ISyncReporter reporter) =>
        [KnownValueDetector.Create(knownValues, reporter), new TrackedDotEnvDetector(), new McpConfigLeakDetector(ToDictionary(knownValues))];

    // A name given twice keeps its last value, as everywhere else in SecretSync.
    private static Dictionary<string, string> ToDictionary(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            map[pair.Key] = pair.Value;
        }

        return map;
    }

    /// <summary>Scans <paramref name="root"/> with <paramref name="options"/>.</summary>
    /// <exception cref="GitCommandException">git failed to list the files.</exception>
    public IReadOnlyList<LeakFinding> Scan(string root, LeakScanOptions options, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        var files = ListFiles(root, options.IncludeUntracked);
        var findings = new ConcurrentBag<LeakFinding>();
        int binary = 0, large = 0, done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken };
        Parallel.ForEach(files, parallel, item =>
        {
            var file = Read(root, item.RelativePath, item.IsTracked, options.MaxFileSize, ref binary, ref large);
            if (file is not null)
            {
                foreach (var detector in options.Detectors)
                {
                    foreach (var finding in detector.Inspect(file))
                    {
                        findings.Add(finding);
                    }
                }
            }

            int count = Interlocked.Increment(ref done);
            if (count % 2000 == 0)
            {
                _reporter.Progress("Scanning for secret leaks", $"{count} of {files.Count} files", count * 100 / files.Count);
            }
        });

        _reporter.Progress("Scanning for secret leaks", "done", 100, completed: true);
        if (binary + large > 0)
        {
            _reporter.Verbose($"Skipped {binary} binary file(s) and {large} file(s) over {options.MaxFileSize / (1024 * 1024)} MB.");
        }

        return findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.LeakKind).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private List<(string RelativePath, bool IsTracked)> ListFiles(string root, bool includeUntracked)
    {
        if (FindRepository(root) is { } repository)
        {
            var (tracked, untracked) = repository.ListFiles(root, includeUntracked);
            _reporter.Verbose($"Scanning the git working tree {repository.WorkTree}: {tracked.Count} tracked file(s)" + (includeUntracked ? $" and {untracked.Count} untracked, not ignored" : string.Empty) + ".");
            return tracked.Select(f => (f, true)).Concat(untracked.Select(f => (f, false))).ToList();
        }

        var files = new List<(string, bool)>();
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                // Symbolic links are not followed: they can loop, or lead out of the folder being scanned.
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    if (entry.Name != ".git")
                    {
                        folders.Push(entry.FullName);
                    }
                }
                else
                {
                    files.Add((entry.FullName.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace('\\', '/'), false));
                }
            }
        }

        _reporter.Verbose($"{root} is not in a git working tree: scanning all {files.Count} file(s).");
        return files;
    }

    // A scan that cannot ask git reads every file instead: it finds more, never less (only "tracked" is unknown).
    private GitRepository? FindRepository(string root)
    {
        try
        {
            return GitRepository.Find(root);
        }
        catch (GitCommandException e)
        {
            _reporter.Warning($"{e.Message} Scanning every file under {root}; tracked .env files cannot be told apart.");
            return null;
        }
    }

    private static LeakScanFile? Read(string root, string relativePath, bool isTracked, long maxFileSize, ref int binary, ref int large)
    {
        var fullPath = Path.Combine(root, relativePath);
        var info = new FileInfo(fullPath);

        // git lists deleted files, submodules (folders) and symbolic links (whose target is not what git stores).
        if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            return null;
        }

        // A FIFO, socket or device: opening one can block forever. An empty file has nothing to read.
        if (!FileKinds.IsRegularFile(fullPath))
        {
            return null;
        }

        if (info.Length == 0)
        {
            return new LeakScanFile(relativePath, fullPath, isTracked, string.Empty);
        }

        if (info.Length > maxFileSize)
        {
            Interlocked.Increment(ref large);
            return new LeakScanFile(relativePath, fullPath, isTracked, null);
        }

        byte[] bytes;
        try
        {
            bytes = FilePrefix.Read(fullPath, info.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Deleted, locked or unreadable while scanning: what we cannot read, git cannot commit from this user either.
            return null;
        }

        if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, BinaryProbeLength)) >= 0)
        {
            Interlocked.Increment(ref binary);
            return new LeakScanFile(relativePath, fullPath, isTracked, null);
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new LeakScanFile(relativePath, fullPath, isTracked, s_utf8.GetString(bytes, start, bytes.Length - start));
    }
}
