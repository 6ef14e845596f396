namespace SecretSync.Core.Stores.Run;

/// <summary>The command ended with a non-zero exit code. Names the command and the code, never an argument or a value.</summary>
public sealed class CommandExitException : SecretSyncException
{
    public CommandExitException(string command, int exitCode)
        : base($"'{command}' exited with code {exitCode}.")
    {
        Command = command;
        ExitCode = exitCode;
    }

    /// <summary>The command as given (-FilePath).</summary>
    public string Command { get; }

    /// <summary>Its exit code (also in $LASTEXITCODE).</summary>
    public int ExitCode { get; }
}
