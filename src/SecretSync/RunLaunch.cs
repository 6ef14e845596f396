using SecretSync.Commands;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Stores.Run;

namespace SecretSync;

/// <summary>
/// Invoke-SophiaCommand's side effects, on the pipeline thread: the temporary files, the masks, then the command
/// (filtered to this process's stdout/stderr) or the script block (in this session, variables restored after).
/// </summary>
internal sealed class RunLaunch
{
    private readonly SophiaCmdlet _cmdlet;
    private readonly RunEnvironment _environment;
    private IReadOnlyDictionary<string, string> _variables = new Dictionary<string, string>();

    public RunLaunch(SophiaCmdlet cmdlet, RunEnvironment environment)
    {
        _cmdlet = cmdlet;
        _environment = environment;
    }

    /// <summary>Masks the secret values in GitHub Actions, then writes the files; the caller disposes them.</summary>
    public TemporaryFiles WriteFiles()
    {
        // Before anything the command could print: the runner hides a value only after its mask.
        var masker = GitHubActionsMasker.ForCurrentProcess();
        foreach (var secret in _environment.SecretValues)
        {
            masker.Mask(secret);
        }

        TemporaryFiles files;
        IReadOnlyDictionary<string, string> paths;
        try
        {
            files = TemporaryFiles.Write(_environment, System.IO.Path.GetTempPath(), out paths);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.TempFileFailed(e, System.IO.Path.GetTempPath(), "Check that the temporary folder (TMPDIR) exists and is writable."));
            throw;
        }

        // A name in both environmentVariables and files gets the file's path, as esc run's environment list does.
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in _environment.Variables)
        {
            variables[variable.Name] = variable.IsFile ? paths[variable.Name] : variable.Value;
        }

        _variables = variables;
        var fileNames = _environment.Variables.Where(v => v.IsFile).Select(v => v.Name).ToList();
        _cmdlet.WriteVerbose($"Exporting {_variables.Count} variable(s): {string.Join(", ", _variables.Keys)}"
            + (fileNames.Count > 0 ? $"; {string.Join(", ", fileNames)} hold(s) the path of a temporary file." : "."));
        return files;
    }

    /// <summary>Runs the program to its end; $LASTEXITCODE gets its code, and a non-zero code is an error.</summary>
    public void RunCommand(string filePath, IReadOnlyList<string> arguments, string? workingDirectory, bool interactive, bool inherit)
    {
        if (inherit)
        {
            var clashes = _variables.Keys.Where(name => System.Environment.GetEnvironmentVariable(name) is not null).ToList();
            if (clashes.Count > 0)
            {
                _cmdlet.WriteVerbose($"The environment's value replaces this session's for {string.Join(", ", clashes)}.");
            }
        }

        using var output = Console.OpenStandardOutput();
        using var error = Console.OpenStandardError();
        var options = new CommandRunOptions
        {
            FilePath = Resolve(filePath),
            Arguments = arguments,
            WorkingDirectory = workingDirectory is null ? _cmdlet.CurrentDirectory : _cmdlet.Paths.ToFileSystem(workingDirectory),
            Variables = _variables,
            Inherit = inherit,
            Interactive = interactive,
            Output = output,
            Error = error,
            Redactor = new SecretRedactor(_environment.SecretValues),
        };

        int exitCode;
        try
        {
            exitCode = _cmdlet.Run((_, cancellation) => CommandRunner.RunAsync(options, cancellation));
        }
        catch (CommandStartException e)
        {
            _cmdlet.ThrowTerminatingError(ErrorRecords.CommandStartFailed(e, filePath));
            throw;
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        _cmdlet.SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
        if (exitCode != 0)
        {
            _cmdlet.WriteError(ErrorRecords.CommandFailed(new CommandExitException(filePath, exitCode), filePath));
        }
    }

    /// <summary>Runs <paramref name="script"/> in the caller's session with the variables set, then restores them.</summary>
    public void RunScript(ScriptBlock script)
    {
        using (EnvironmentScope.Set(_variables))
        {
            try
            {
                _cmdlet.WriteObject(_cmdlet.InvokeCommand.InvokeScript(_cmdlet.SessionState, script), enumerateCollection: true);
            }
            catch (RuntimeException e) when (e is not PipelineStoppedException)
            {
                _cmdlet.ThrowTerminatingError(e.ErrorRecord);
            }
        }
    }

    // PowerShell's own lookup (PATH, and PATHEXT on Windows) for a bare name; a path is taken from the current location.
    private string Resolve(string filePath)
    {
        if (filePath.IndexOfAny(['/', '\\']) >= 0)
        {
            return _cmdlet.Paths.ToFileSystem(filePath);
        }

        if (_cmdlet.InvokeCommand.GetCommand(filePath, CommandTypes.Application) is ApplicationInfo application)
        {
            return application.Path;
        }

        _cmdlet.ThrowTerminatingError(ErrorRecords.CommandNotFound(
            new CommandNotFoundException($"'{filePath}' is not a program on PATH. Give its path, or install it."),
            filePath));
        throw new InvalidOperationException();
    }
}
