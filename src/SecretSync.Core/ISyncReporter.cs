namespace SecretSync.Core;

/// <summary>
/// What Core tells the user while it works. The cmdlet layer implements it over WriteVerbose/WriteWarning/
/// WriteProgress; Core never sees PSCmdlet. Messages name secrets, never values.
/// </summary>
public interface ISyncReporter
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);

    /// <param name="activity">The long-running operation, e.g. "Syncing to ai-cherry/default/prod".</param>
    /// <param name="status">The current phase or item.</param>
    /// <param name="percentComplete">0-100, or -1 when unknown.</param>
    /// <param name="completed">True ends the progress bar.</param>
    void Progress(string activity, string status, int percentComplete, bool completed = false);
}
