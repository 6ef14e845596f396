using System.IO;
using SecretSync.Core.Git;

namespace SecretSync.Core.Export;

/// <summary>Refuses to put values in a file that git tracks or does not ignore.</summary>
public static class ExportTargetGuard
{
    /// <summary>Throws when <paramref name="path"/> is in a git working tree and tracked or not ignored there; outside git (or without git) there is nothing to refuse.</summary>
    /// <exception cref="ExportTargetNotIgnoredException">The file could end up in a commit.</exception>
    public static void ThrowIfCommittable(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder) || GitRepository.Find(folder) is not { } repository)
        {
            return;
        }

        if (repository.IsTracked(path))
        {
            throw new ExportTargetNotIgnoredException(path, isTracked: true);
        }

        if (!repository.IsIgnored(path))
        {
            throw new ExportTargetNotIgnoredException(path, isTracked: false);
        }
    }
}
