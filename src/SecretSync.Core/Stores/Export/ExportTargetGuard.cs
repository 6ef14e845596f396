using SecretSync.Core.Plumbing.Git;

namespace SecretSync.Core.Stores.Export;

/// <summary>
/// Refuses to put values in a file that git could commit. It asks git about the file that will really be written
/// (the final target of a symbolic link) and allows it only when git answers that the file is ignored and not
/// tracked, or that its folder is in no working tree. When git cannot answer - not installed, refusing the
/// repository, failing - it refuses too: an unknown answer is not a safe one.
/// </summary>
public static class ExportTargetGuard
{
    /// <summary>Throws unless git says <paramref name="path"/> cannot end up in a commit.</summary>
    /// <param name="path">The file to write; it and its folders need not exist.</param>
    /// <param name="override">How the user overrides the refusal, for the message (a cmdlet's -Force).</param>
    /// <exception cref="ExportTargetNotIgnoredException">The file is tracked, or in a working tree and not ignored.</exception>
    /// <exception cref="ExportTargetUnverifiedException">git cannot tell.</exception>
    /// <exception cref="IOException">The path is a symbolic link that cannot be followed.</exception>
    public static void ThrowIfCommittable(string path, string @override = "use -Force")
    {
        var shown = Path.GetFullPath(path);
        var target = SymbolicLinks.ResolveFinalTarget(shown);
        var named = target == shown ? shown : $"{shown} (a link to {target})";
        try
        {
            var folder = Path.GetDirectoryName(target)!;
            while (!Directory.Exists(folder))
            {
                folder = Path.GetDirectoryName(folder) ?? throw new IOException($"No folder of {shown} exists (is the drive there?).");
            }

            if (GitRepository.Find(folder) is not { } repository)
            {
                return;
            }

            if (repository.IsTracked(target))
            {
                throw new ExportTargetNotIgnoredException(named, isTracked: true, @override);
            }

            if (!repository.IsIgnored(target))
            {
                throw new ExportTargetNotIgnoredException(named, isTracked: false, @override);
            }
        }
        catch (GitCommandException e)
        {
            throw new ExportTargetUnverifiedException(named, e, @override);
        }
    }
}
