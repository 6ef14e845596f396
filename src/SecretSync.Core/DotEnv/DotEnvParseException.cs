namespace SecretSync.Core.DotEnv;

/// <summary>
/// A .env file SecretSync will not guess about: a statement python-dotenv would skip with a warning, or a key
/// without '='. Names file, line and column of the offending character; never any text of the file.
/// </summary>
public sealed class DotEnvParseException : FileParseException
{
    /// <summary>The ErrorId the cmdlet layer reports this failure under.</summary>
    public const string ErrorId = "SecretSync.DotEnvParseError";

    /// <summary>Creates the exception; <paramref name="problem"/> says what is wrong and what to do.</summary>
    public DotEnvParseException(string filePath, int line, int column, string problem, Exception? innerException = null)
        : base(filePath, line, column, problem, innerException)
    {
    }
}
