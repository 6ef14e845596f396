namespace SecretSync.Core.Stores.Export;

/// <summary>A file that would receive secret values is tracked by git, or not ignored, so a commit could publish them.</summary>
public sealed class ExportTargetNotIgnoredException : FileException
{
    public ExportTargetNotIgnoredException(string filePath, bool isTracked, string @override = "use -Force")
        : base(filePath, isTracked
            ? $"{filePath} is tracked by git: values written there would be committed. Remove it from git ('git rm --cached'), add it to .gitignore, and rotate any secret it already held; or {@override}."
            : $"{filePath} is not ignored by git: values written there could be committed. Add it to .gitignore, or {@override}.")
    {
        IsTracked = isTracked;
    }

    /// <summary>True when git tracks the file; false when it is only not ignored.</summary>
    public bool IsTracked { get; }
}
