namespace SecretSync.Core;

/// <summary>A file SecretSync reads is malformed: names the file, the 1-based line and column, and what to do.</summary>
public class FileParseException : FileException
{
    public FileParseException(string filePath, int line, int column, string problem, Exception? innerException = null)
        : base(filePath, $"{filePath}:{line}:{column}: {problem}", innerException)
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }
}
