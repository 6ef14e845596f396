using Microsoft.PowerShell.Commands;
using SecretSync.Commands;

namespace SecretSync;

/// <summary>
/// The one way a path parameter becomes a file path, as PowerShell's own cmdlets do it: through the session's
/// providers, so ~, PSDrives and the current location (Set-Location, not the process's directory) apply. -Path
/// expands wildcards; -LiteralPath never does, so [ and ] are part of a name. A path of another provider (Env:,
/// Variable:, HKLM:) is refused: its provider path would otherwise be taken as a file name in the process's directory.
/// </summary>
internal sealed class PathResolver
{
    private readonly PSCmdlet _cmdlet;

    public PathResolver(PSCmdlet cmdlet) => _cmdlet = cmdlet;

    /// <summary>The file-system folder PowerShell is in; the last one visited while the location is on another provider.</summary>
    public string CurrentDirectory => _cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath;

    /// <summary>
    /// The existing files or folders <paramref name="paths"/> name (wildcards expanded unless <paramref name="literal"/>).
    /// A path that names nothing, or no file, stops the command when <paramref name="stopOnError"/>; otherwise it is
    /// an error for that path only and the others go on.
    /// </summary>
    public List<string> Existing(IEnumerable<string> paths, bool literal, bool stopOnError)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (Resolve(path, literal, found) is not { } error)
            {
                continue;
            }

            if (stopOnError)
            {
                _cmdlet.ThrowTerminatingError(error);
            }

            _cmdlet.WriteError(error);
        }

        return found;
    }

    /// <summary>The file path of <paramref name="path"/>, which need not exist yet (a file to write, a folder to use); a non-file path stops the command.</summary>
    public string ToFileSystem(string path)
    {
        var (providerPath, error) = FileSystemPath(path);
        if (error is not null)
        {
            _cmdlet.ThrowTerminatingError(error);
        }

        return providerPath!;
    }

    /// <summary>A default file name (not typed by the caller), in the file-system folder PowerShell is in.</summary>
    public string Default(string relativePath) => Path.Combine(CurrentDirectory, relativePath);

    private ErrorRecord? Resolve(string path, bool literal, List<string> found)
    {
        var (providerPath, error) = FileSystemPath(path);
        if (error is not null)
        {
            return error;
        }

        if (literal)
        {
            if (!File.Exists(providerPath) && !Directory.Exists(providerPath))
            {
                return NotFound(path, null);
            }

            found.Add(providerPath!);
            return null;
        }

        try
        {
            found.AddRange(_cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _));
            return null;
        }
        catch (ItemNotFoundException e)
        {
            return NotFound(path, e);
        }
    }

    // The provider path without touching the item; wildcards stay as they are (only -Path expands them, afterwards).
    private (string? Path, ErrorRecord? Error) FileSystemPath(string path)
    {
        string providerPath;
        ProviderInfo provider;
        try
        {
            providerPath = _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }
        catch (Exception e) when (e is SessionStateException or PSInvalidOperationException or NotSupportedException or PSArgumentException)
        {
            // An unknown drive or provider, or ~ on a provider without a home: nothing a file can be found at.
            return (null, ErrorRecords.NotFileSystemPath(new ArgumentException($"{path} is not a path SecretSync can use: {e.Message} Give a file path (relative, absolute, ~, or on a drive of the FileSystem provider).", e), path));
        }

        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            return (null, ErrorRecords.NotFileSystemPath(
                new ArgumentException($"{path} is on the {provider.Name} provider, not the FileSystem: SecretSync reads and writes files only. Give a file path (relative, absolute, ~, or on a drive of the FileSystem provider such as one made with New-PSDrive -PSProvider FileSystem)."),
                path));
        }

        return (providerPath, null);
    }

    private static ErrorRecord NotFound(string path, Exception? inner) =>
        ErrorRecords.FileNotFound(new FileNotFoundException($"{path} does not exist.", path, inner), path);
}
