using System.Management.Automation;
using SecretSync.Commands;
using SecretSync.Core;

namespace SecretSync;

/// <summary>Base of the module's cmdlets: the project context of the current location.</summary>
public abstract class SophiaCmdlet : PSCmdlet
{
    private ModuleContext? _context;

    /// <summary>Catalog and secretsync.json of the current location, read once per command.</summary>
    /// A malformed secretsync.json stops the command: nothing it would do can be trusted.
    internal ModuleContext Context
    {
        get
        {
            if (_context is null)
            {
                try
                {
                    _context = ModuleContext.For(SessionState.Path.CurrentFileSystemLocation.ProviderPath, WriteWarning);
                }
                catch (SecretSyncException e)
                {
                    ThrowTerminatingError(ErrorRecords.From(e, (e as FileParseException)?.FilePath));
                }
            }

            return _context!;
        }
    }

    /// <summary>Emits <paramref name="value"/> with <paramref name="typeName"/> first among its PSTypeNames, for the format file.</summary>
    internal void WriteTyped(object value, string typeName)
    {
        var wrapped = PSObject.AsPSObject(value);
        wrapped.TypeNames.Insert(0, typeName);
        WriteObject(wrapped);
    }
}
