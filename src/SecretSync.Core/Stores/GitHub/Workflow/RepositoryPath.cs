namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// Paths as the generated workflow writes them: relative, with forward slashes, inside the repository, and free of
/// anything GitHub would evaluate (<c>${{</c>) or YAML would split (anything but printable ASCII).
/// </summary>
internal static class RepositoryPath
{
    private static readonly StringComparison s_comparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it.</summary>
    public static bool IsInside(string root, string path)
    {
        var rootSegments = Segments(root);
        var pathSegments = Segments(path);
        return pathSegments.Count >= rootSegments.Count
            && rootSegments.Select((s, i) => string.Equals(s, pathSegments[i], s_comparison)).All(equal => equal);
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="fromDirectory"/> with '/' separators ("." for the folder itself);
    /// fails when the path leaves <paramref name="root"/>, since a workflow sees only its repository.
    /// </summary>
    public static string Relative(string root, string fromDirectory, string path, string what)
    {
        if (!IsInside(root, path))
        {
            throw new WorkflowGenerationException($"The {what} {path} is outside the repository {root}; a workflow can only reach files of its own repository.");
        }

        var from = Segments(fromDirectory);
        var to = Segments(path);
        var common = 0;
        while (common < from.Count && common < to.Count && string.Equals(from[common], to[common], s_comparison))
        {
            common++;
        }

        var parts = Enumerable.Repeat("..", from.Count - common).Concat(to.Skip(common)).ToList();
        var relative = parts.Count == 0 ? "." : string.Join("/", parts);
        CheckCharacters(relative, what);
        return relative;
    }

    private static void CheckCharacters(string relative, string what)
    {
        // Printable ASCII only: YAML 1.1 also breaks lines at U+0085, U+2028 and U+2029, and the generator's
        // self-check refuses anything else anyway; a clear message here beats a refusal there.
        if (relative.Any(c => c is < ' ' or > '~') || relative.Contains("${{"))
        {
            throw new WorkflowGenerationException($"The {what} path {relative} has characters other than printable ASCII or \"${{{{\", which a workflow cannot hold safely; rename the file.");
        }
    }

    private static List<string> Segments(string path) =>
        Path.GetFullPath(path)
            .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .ToList();
}
