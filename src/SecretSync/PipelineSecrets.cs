using SecretSync.Core.Planning.Sync;
using SecretSync.Core.Plumbing.Credentials;
using SecretSync.Core.Records.Secrets;

namespace SecretSync;

/// <summary>What the module's cmdlets accept from the pipeline: records, sync results, names, or any object with Name (and Value).</summary>
internal static class PipelineSecrets
{
    /// <summary>The origin of records made here from what the caller typed or piped (not collected from a source).</summary>
    public const string Origin = "pipeline";

    /// <summary>The secret name an object stands for, or null.</summary>
    public static string? NameOf(object? input) => Unwrap(input) switch
    {
        null => null,
        string name => name,
        SecretRecord record => record.Name,
        SyncResult result => result.Name,
        _ => PSObject.AsPSObject(input).Properties["Name"]?.Value?.ToString(),
    };

    /// <summary>The record an object carries (a SyncResult's record, or one made from Name and Value), or null.</summary>
    public static SecretRecord? RecordOf(object? input)
    {
        switch (Unwrap(input))
        {
            case null:
            case string:
                return null;
            case SecretRecord record:
                return record;
            case SyncResult result:
                return result.Record;
            default:
                var wrapped = PSObject.AsPSObject(input);
                var name = wrapped.Properties["Name"]?.Value?.ToString();
                return name is null ? null : Record(name, wrapped.Properties["Value"]?.Value);
        }
    }

    /// <summary>A record for a name and a value given as SecureString or string (possibly wrapped); no value for anything else.</summary>
    /// <exception cref="SecretValueTooLongException">The value does not fit a SecureString; the exception names the secret.</exception>
    public static SecretRecord Record(string name, object? value)
    {
        try
        {
            return new(name, SecretSource.Environment, Origin, SecureStrings.RevealAny(Unwrap(value)) is { } plain ? SecretRecord.Protect(plain) : null);
        }
        catch (SecretValueTooLongException e) when (e.SecretName is null)
        {
            throw new SecretValueTooLongException(name, e.Length, e);
        }
    }

    private static object? Unwrap(object? input) => input is PSObject wrapped ? wrapped.BaseObject : input;
}
