namespace SecretSync.Core.Checks.Leaks;

/// <summary>One file as a detector sees it; read once by the scanner and shared by every detector.</summary>
public sealed class LeakScanFile
{
    public LeakScanFile(string relativePath, string fullPath, bool isTracked, string? text)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        IsTracked = isTracked;
        Text = text;
    }

    /// <summary>Path relative to the scanned folder, with '/' separators.</summary>
    public string RelativePath { get; }

    /// <summary>Absolute path.</summary>
    public string FullPath { get; }

    /// <summary>True when git tracks the file (false outside a repository).</summary>
    public bool IsTracked { get; }

    /// <summary>The content decoded as UTF-8; null for binary files and files over the size limit.</summary>
    public string? Text { get; }
}
