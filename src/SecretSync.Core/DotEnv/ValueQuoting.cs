namespace SecretSync.Core.DotEnv;

/// <summary>How a value was written; decides which escapes apply.</summary>
internal enum ValueQuoting
{
    Unquoted,
    Single,
    Double,
}
