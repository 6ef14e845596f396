using System.Collections.Generic;
using SecretSync.Core.Plumbing.Files;

namespace SecretSync.Core.Stores.Export;

/// <summary>What exporting to a .env file will write. <see cref="Text"/> holds values: never log it.</summary>
public sealed class DotEnvExportPlan
{
    public DotEnvExportPlan(string text, IReadOnlyList<string> written, IReadOnlyList<SecretSyncException> refused, bool changes, FileSnapshot readAs)
    {
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

    /// <summary>One exception per refused secret (<see cref="ExportNameException"/> or <see cref="ValueNotPortableException"/>), for per-item errors.</summary>
    public IReadOnlyList<SecretSyncException> Refused { get; }

    /// <summary>False when the file exists and already holds exactly this text.</summary>
    public bool Changes { get; }

    /// <summary>The file as the plan read it: the write refuses if it has changed since.</summary>
    public FileSnapshot ReadAs { get; }
}
