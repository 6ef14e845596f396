namespace SecretSync.Core.DotEnv;

/// <summary>How a value was written; decides which escapes apply.</summary>
internal enum ValueQuoting
{
    Unquoted,
    Single,
    Double,

    /// <summary>A key without '=' (python-dotenv binds it to None): declared, no value at all.</summary>
    None,
}
