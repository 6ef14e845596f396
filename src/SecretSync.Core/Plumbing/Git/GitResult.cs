namespace SecretSync.Core.Plumbing.Git;

/// <summary>What one git command answered: its exit code and both output streams.</summary>
internal sealed record GitResult(int ExitCode, string Output, string Error)
{
    private static readonly Regex s_dubiousRepository = new("dubious ownership in repository at '(?<path>[^'\\n]*)'", RegexOptions.CultureInvariant);

    /// <summary>The exception for this failed <paramref name="command"/> run in <paramref name="directory"/>, with what to do about it.</summary>
    public GitCommandException Failure(string directory, string command)
    {
        var dubious = s_dubiousRepository.Match(Error);
        if (dubious.Success)
        {
            var repository = dubious.Groups["path"].Value;
            return new GitCommandException(
                $"git refuses the repository at {repository}: another user owns it (\"dubious ownership\"). If you trust it, run: git config --global --add safe.directory '{repository}'",
                GitFailure.DubiousOwnership);
        }

        var firstLine = Error.Trim().Split('\n')[0].Trim();
        return new GitCommandException($"git {command} failed in {directory} (exit code {ExitCode}): {(firstLine.Length == 0 ? "no message" : firstLine)}. Check that 'git status' works there.");
    }
}
