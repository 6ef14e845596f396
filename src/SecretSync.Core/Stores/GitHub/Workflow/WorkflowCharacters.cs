namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The first of <see cref="SyncWorkflowVerifier"/>'s checks: a generated workflow holds printable ASCII and line feeds
/// only, so no control or look-alike character can hide in it.
/// </summary>
internal static class WorkflowCharacters
{
    /// <exception cref="WorkflowUnsafeException">Any other character; the message names it and its line.</exception>
    public static void CheckPrintable(string text)
    {
        var line = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
            }
            else if (c is < ' ' or > '~')
            {
                throw new WorkflowUnsafeException($"The generated workflow has the character U+{(int)c:X4} on line {line}; it may hold printable ASCII only.");
            }
        }
    }
}
