using System.IO;
using SecretSync.Core.Files;

namespace SecretSync.Core.Templates;

/// <summary>Writes a generated template only when its content changes, keeping the existing file's line ends.</summary>
public static class EnvTemplateWriter
{
    /// <summary>What writing <paramref name="content"/> to <paramref name="path"/> would do, without doing it.</summary>
    /// <param name="path">Full path of the template.</param>
    /// <param name="content">Generated text with LF line ends.</param>
    /// <param name="force">Replace a file that SecretSync did not generate.</param>
    /// <returns>The bytes to write, or null when the file already holds exactly this content.</returns>
    /// <exception cref="TemplateExistsException">A hand-written file is in the way and <paramref name="force"/> is false.</exception>
    public static string? Plan(string path, string content, bool force)
    {
        if (!File.Exists(path))
        {
            return content;
        }

        var existing = File.ReadAllText(path);
        var wanted = existing.Contains("\r\n") ? content.Replace("\n", "\r\n") : content;
        if (existing == wanted)
        {
            return null;
        }

        return force || EnvTemplateGenerator.IsGenerated(existing) ? wanted : throw new TemplateExistsException(path);
    }

    /// <summary>Writes <paramref name="text"/> (from <see cref="Plan"/>) atomically. A template holds no value: normal file mode.</summary>
    public static void Write(string path, string text) => AtomicFile.WriteAllText(path, text);
}
