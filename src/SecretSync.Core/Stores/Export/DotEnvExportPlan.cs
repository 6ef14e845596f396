using SecretSync.Core.DotEnv;

namespace SecretSync.Core.Stores.Export;

/// <summary>What exporting to a .env file will write. <see cref="Text"/> holds values: never log it.</summary>
public sealed class DotEnvExportPlan
{
    public DotEnvExportPlan(string text, IReadOnlyList<string> written, IReadOnlyList<SecretSyncException> refused, bool changes, FileSnapshot readAs, DotEnvParseException? dotNetEnvError = null)
    {
        DotNetEnvError = dotNetEnvError;
        ReadAs = readAs;
        Text = text;
        Written = written;
        Refused = refused;
        Changes = changes;
    }

    /// <summary>The whole new file content.</summary>
    public string Text { get; }

    /// <summary>Names set by this export, in input order (duplicates kept).</summary>
    public IReadOnlyList<string> Written { get; }

    /// <summary>
    /// One exception per refused secret (<see cref="ExportNameException"/>, <see cref="ValueNotPortableException"/> or
    /// <see cref="DotEnvDialectMismatchException"/>), for per-item errors.
    /// </summary>
    public IReadOnlyList<SecretSyncException> Refused { get; }

    /// <summary>False when the file exists and already holds exactly this text.</summary>
    public bool Changes { get; }

    /// <summary>
    /// Why DotNetEnv 3.0.0 rejects the file as written (it already did before): the values were checked with
    /// python-dotenv only, and a .NET app loading the file fails. Null when DotNetEnv reads it.
    /// </summary>
    public DotEnvParseException? DotNetEnvError { get; }

    /// <summary>The file as the plan read it: the write refuses if it has changed since.</summary>
    public FileSnapshot ReadAs { get; }
}
