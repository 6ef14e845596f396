using System;

namespace SecretSync.Core.Credentials;

/// <summary>A service's base address and token. ToString() shows the host only: the token never leaves this object.</summary>
public sealed class ServiceEndpoint
{
    public ServiceEndpoint(string serviceName, Uri baseAddress, string token)
    {
        ServiceName = serviceName;
        BaseAddress = baseAddress;
        Token = token;
    }

    /// <summary>"Pulumi ESC" or "GitHub", for messages.</summary>
    public string ServiceName { get; }

    /// <summary>Base address, ending with '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The access token. Never put it in a message.</summary>
    internal string Token { get; }

    /// <summary>Host (and port when not the default) for messages.</summary>
    public string Host => BaseAddress.IsDefaultPort ? BaseAddress.Host : BaseAddress.Host + ":" + BaseAddress.Port;

    /// <inheritdoc/>
    public override string ToString() => $"{ServiceName} at {Host}";
}
