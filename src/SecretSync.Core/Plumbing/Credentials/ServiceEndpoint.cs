namespace SecretSync.Core.Plumbing.Credentials;

/// <summary>A service's base address and token. ToString() shows the host only: the token never leaves this object.</summary>
public sealed class ServiceEndpoint
{
    public ServiceEndpoint(string serviceName, Uri baseAddress, string token)
    {
        ServiceName = serviceName;
        BaseAddress = baseAddress;
        Token = token;
        Redactor = new ServerTextRedactor(token);
    }

    /// <summary>"Pulumi ESC" or "GitHub", for messages.</summary>
    public string ServiceName { get; }

    /// <summary>Base address, ending with '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The access token. Never put it in a message.</summary>
    internal string Token { get; }

    /// <summary>Masks the token and the values sent to or read from this service in anything the service says.</summary>
    public ServerTextRedactor Redactor { get; }

    /// <summary>
    /// The innermost HTTP handler (null: the network). Tests put a fake service here; every client made for this
    /// endpoint still adds its redirect and retry handling on top, so the tests exercise what production runs.
    /// </summary>
    internal Func<HttpMessageHandler>? Transport { get; init; }

    /// <summary>Host (and port when not the default) for messages.</summary>
    public string Host => BaseAddress.IsDefaultPort ? BaseAddress.Host : BaseAddress.Host + ":" + BaseAddress.Port;

    /// <inheritdoc/>
    public override string ToString() => $"{ServiceName} at {Host}";
}
