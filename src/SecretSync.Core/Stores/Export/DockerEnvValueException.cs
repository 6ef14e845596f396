namespace SecretSync.Core.Stores.Export;

/// <summary>A value a Docker env file cannot carry so that docker run and compose both read it back exactly. Names the secret and the reason, never the value.</summary>
public sealed class DockerEnvValueException : SecretSyncException
{
    public DockerEnvValueException(string name, string reason)
        : base($"{name} was not written to the Docker env file: its value {reason}. Pass it with Invoke-SophiaCommand (docker run -e {name}) instead, or change the value.")
    {
        Name = name;
        Reason = reason;
    }

    /// <summary>The secret's name.</summary>
    public string Name { get; }

    /// <summary>Why the value cannot be written (names characters, never quotes the value).</summary>
    public string Reason { get; }
}
