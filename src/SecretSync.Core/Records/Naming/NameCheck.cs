namespace SecretSync.Core.Records.Naming;

/// <summary>The verdict on one secret name: the convention, its parts and GitHub's rules.</summary>
public sealed class NameCheck
{
    public NameCheck(string name, bool isValid, string? service, string? credentialType, string? escPath, string? reason, string? suggestedName, bool gitHubCompatible, string? gitHubReason)
    {
        Name = name;
        IsValid = isValid;
        Service = service;
        CredentialType = credentialType;
        EscPath = escPath;
        Reason = reason;
        SuggestedName = suggestedName;
        GitHubCompatible = gitHubCompatible;
        GitHubReason = gitHubReason;
    }

    /// <summary>The name as given.</summary>
    public string Name { get; }

    /// <summary>True when the name follows SERVICE_CREDENTIAL_TYPE.</summary>
    public bool IsValid { get; }

    /// <summary>The service part (LAMBDA_LABS for LAMBDA_LABS_API_KEY), when the name is valid.</summary>
    public string? Service { get; }

    /// <summary>The credential type (API_KEY for LAMBDA_LABS_API_KEY), when the name is valid.</summary>
    public string? CredentialType { get; }

    /// <summary>The ESC path, e.g. lambda_labs.lambda_labs_api_key.</summary>
    public string? EscPath { get; }

    /// <summary>What is wrong and what to use instead; null when the name is valid, GitHub accepts it and it is no likely typo of a catalogued name.</summary>
    public string? Reason { get; }

    /// <summary>The catalogued name the given one is likely a typo of; else, for an invalid name, a valid one close to it.</summary>
    public string? SuggestedName { get; }

    /// <summary>True when GitHub accepts the name as a secret name.</summary>
    public bool GitHubCompatible { get; }

    /// <summary>Why GitHub refuses the name, when it does.</summary>
    public string? GitHubReason { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
