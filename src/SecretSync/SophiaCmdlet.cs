using SecretSync.Commands;
using SecretSync.Core;
using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Plumbing.Credentials;
using SecretSync.Core.Records.Naming;
using SecretSync.Core.Records.Secrets;
using SecretSync.Core.Sources.Collectors;

namespace SecretSync;

/// <summary>Base of the module's cmdlets: the project context of the current location.</summary>
public abstract class SophiaCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _cancellation = new();
    private ModuleContext? _context;
    private PathResolver? _paths;
    private ServiceClients? _services;

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
                    _context = ModuleContext.For(CurrentDirectory, WriteWarning);
                }
                catch (SecretSyncException e)
                {
                    ThrowTerminatingError(ErrorRecords.From(e, (e as FileException)?.FilePath));
                }
            }

            return _context!;
        }
    }

    /// <summary>Resolves path parameters as PowerShell's own cmdlets do (see <see cref="PathResolver"/>).</summary>
    internal PathResolver Paths => _paths ??= new PathResolver(this);

    /// <summary>Builds the service clients from this session's settings, read once per command (see <see cref="ServiceClients"/>).</summary>
    internal ServiceClients Services => _services ??= ServiceClients.FromSession();

    /// <summary>Emits <paramref name="value"/> with <paramref name="typeName"/> first among its PSTypeNames, for the format file.</summary>
    internal void WriteTyped(object value, string typeName)
    {
        var wrapped = PSObject.AsPSObject(value);
        wrapped.TypeNames.Insert(0, typeName);
        WriteObject(wrapped);
    }

    /// <summary>Runs Core work off the pipeline thread, writing what it reports here; Ctrl+C cancels it.</summary>
    internal T Run<T>(Func<ISyncReporter, CancellationToken, Task<T>> work)
    {
        using var reporter = new QueuedReporter();
        var task = Task.Run(() => work(reporter, _cancellation.Token));
        reporter.PumpUntil(task, this);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Collects records like Get-SophiaSecret (the defaults of secretsync.json unless <paramref name="options"/> say
    /// otherwise). What needs the pipeline thread (the context, the location, the environment) is read here, before
    /// Core runs off it. A failure stops the command, naming <paramref name="target"/> unless it is a file's.
    /// </summary>
    internal List<SecretRecord> CollectRecords(CollectOptions options, object? target = null)
    {
        var (catalog, config, folder, environment) = (Context.Catalog, Context.Config, CurrentDirectory, ProcessEnvironment.Snapshot());
        try
        {
            return Run((reporter, token) => new SecretCollector(catalog, config, environment, GitHubActionsMasker.ForCurrentProcess(), reporter).CollectAsync(options, folder, token));
        }
        catch (SecretSyncException e)
        {
            Fail(e, (e as FileException)?.FilePath ?? target);
            return [];
        }
    }

    /// <summary>
    /// A non-terminating error for each record set aside before writing, whose name breaks the convention or whose
    /// value no UTF-8 text can carry (the others go on), and a warning for a name the caller typed that is likely a
    /// typo of a catalogued one.
    /// </summary>
    internal void WriteInvalidNames(SyncInput input)
    {
        foreach (var (record, reason) in input.Invalid)
        {
            WriteError(ErrorRecords.InvalidSecretName(new ArgumentException(reason), record.Name));
        }

        foreach (var record in input.Unrepresentable)
        {
            var message = $"The value of {record.Name} (from {record.Origin}) is not valid Unicode text: it holds an unpaired UTF-16 surrogate, which UTF-8, YAML and ESC cannot carry. It was not written; fix the value at its source.";
            WriteError(ErrorRecords.ValueNotRepresentable(new ArgumentException(message), record.Name));
        }

        foreach (var record in input.RecordsByName.Values.Where(r => r.Origin == PipelineSecrets.Origin))
        {
            WarnIfLikelyTypo(record.Name);
        }
    }

    /// <summary>
    /// A warning when <paramref name="name"/>, given by the caller, is likely a typo of a catalogued name: writing it
    /// would create a new secret nobody reads. Collected names were already pointed out by the collector.
    /// </summary>
    internal void WarnIfLikelyTypo(string name)
    {
        if (NameAdvice.LikelyTypoOf(name, Context.Catalog) is { } meant)
        {
            WriteWarning($"{name} is not in the catalog; did you mean {meant}? If it is another secret, add {{ \"name\": \"{name}\" }} to \"secrets\" in secretsync.json.");
        }
    }

    /// <summary>The record a pipeline object carries (see <see cref="PipelineSecrets.RecordOf"/>); a value too long for a SecureString is an error for that item only.</summary>
    internal SecretRecord? RecordFromPipeline(object? input) => Guarded(() => PipelineSecrets.RecordOf(input));

    /// <summary>
    /// The records of -InputObject, whether it holds one piped object or an array given by name
    /// (<c>-InputObject $records</c>); items that carry no record are passed over.
    /// </summary>
    internal List<SecretRecord> RecordsFromPipeline(IEnumerable<object?>? items)
    {
        var records = new List<SecretRecord>();
        foreach (var item in items ?? [])
        {
            if (RecordFromPipeline(item) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>
    /// True when the command was given input, piped or as -InputObject (even an empty array). It then works on that
    /// input alone: falling back to the collected defaults would export or sync the whole process environment.
    /// </summary>
    internal bool InputGiven => MyInvocation.ExpectingInput || MyInvocation.BoundParameters.ContainsKey("InputObject");

    /// <summary>A record for -Name and -Value; a value too long for a SecureString is an error for that item only.</summary>
    internal SecretRecord? RecordFromPipeline(string name, object? value) => Guarded(() => PipelineSecrets.Record(name, value));

    /// <summary>The file-system folder PowerShell is in (not the process's current directory).</summary>
    internal string CurrentDirectory => Paths.CurrentDirectory;

    /// <summary>True when -WhatIf is in effect (given, or by $WhatIfPreference).</summary>
    internal bool WhatIfRequested =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) ? ((SwitchParameter)whatIf).IsPresent : SessionState.PSVariable.GetValue("WhatIfPreference") is true or SwitchParameter { IsPresent: true };

    /// <summary>Stops a terminating SecretSync failure with its ErrorRecord.</summary>
    internal void Fail(SecretSyncException exception, object? target) => ThrowTerminatingError(ErrorRecords.From(exception, target));

    /// <inheritdoc/>
    protected override void StopProcessing() => _cancellation.Cancel();

    private SecretRecord? Guarded(Func<SecretRecord?> read)
    {
        try
        {
            return read();
        }
        catch (SecretValueTooLongException e)
        {
            WriteError(ErrorRecords.From(e, e.SecretName));
            return null;
        }
    }
}
