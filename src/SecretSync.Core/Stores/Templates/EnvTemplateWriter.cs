namespace SecretSync.Core.Stores.Templates;

/// <summary>Writes a generated template only when its content changes, keeping the existing file's line ends.</summary>
public static class EnvTemplateWriter
{
    /// <summary>What writing <paramref name="content"/> to <paramref name="path"/> would do, without doing it.</summary>
    /// <param name="path">Full path of the template.</param>
    /// <param name="content">Generated text with LF line ends.</param>
    /// <param name="force">Replace a file that SecretSync did not generate.</param>
    /// <returns>The text to write, or null when the file already holds exactly this content.</returns>
    /// <exception cref="TemplateExistsException">A hand-written file is in the way and <paramref name="force"/> is false.</exception>
    public static EnvTemplatePlan? Plan(string path, string content, bool force)
    {
        // Taken before the read: an edit saved after it makes the write refuse instead of being lost.
        var readAs = FileSnapshot.Take(path);
        var target = SymbolicLinks.ResolveFinalTarget(path);
        if (!File.Exists(target))
        {
            return new EnvTemplatePlan(content, readAs);
        }

        var existing = File.ReadAllText(target);
        var wanted = Newlines.Use(content, Newlines.Of(existing));
        if (existing == wanted)
        {
            return null;
        }

        return force || EnvTemplateGenerator.IsGenerated(existing) ? new EnvTemplatePlan(wanted, readAs) : throw new TemplateExistsException(path);
    }

    /// <summary>Writes the plan atomically, through a symbolic link to its target. A template holds no value: the existing file's mode, or the umask's.</summary>
    /// <exception cref="FileChangedException">The file changed since <see cref="Plan"/> read it; it keeps that change.</exception>
    /// <exception cref="FileReadOnlyException">The file is read-only.</exception>
    public static void Write(string path, EnvTemplatePlan plan) => AtomicFile.WriteAllText(path, plan.Text, FileModePolicy.Default, plan.ReadAs);
}
