namespace SecretSync.Core.Stores.Run;

/// <summary>The command could not be started (not found, not executable, bad working directory). Names the command, never an argument.</summary>
public sealed class CommandStartException : FileException
{
    public CommandStartException(string filePath, Exception innerException)
        : base(filePath, $"Cannot start '{filePath}': {innerException.Message}. Check the path and that it is executable.", innerException)
    {
    }
}
