using System.Security;

namespace SecretSync.Core.Sources.Collectors;

/// <summary>Makes records that carry what the catalog (or, failing that, the naming convention) knows of a name.</summary>
internal sealed class SecretRecordFactory
{
    private readonly SecretCatalog _catalog;
    private readonly GitHubActionsMasker _masker;

    public SecretRecordFactory(SecretCatalog catalog, GitHubActionsMasker masker)
    {
        _catalog = catalog;
        _masker = masker;
    }

    /// <summary>A record with a value; a secret value is masked first when running in GitHub Actions.</summary>
    public SecretRecord WithValue(string name, SecretSource source, string origin, string value, string? escPath = null, bool isSecret = true)
    {
        if (isSecret)
        {
            _masker.Mask(value);
        }

        SecureString secure;
        try
        {
            secure = SecretRecord.Protect(value);
        }
        catch (SecretValueTooLongException e)
        {
            throw new SecretValueTooLongException(name, e.Length, e);
        }

        return Create(name, source, origin, secure, escPath, null, null, null, null, isSecret, value);
    }

    /// <summary>A record without a value (GitHub inventory).</summary>
    public SecretRecord WithoutValue(string name, SecretSource source, string origin, DateTimeOffset? createdAt, DateTimeOffset? updatedAt, string? visibility, int? selectedRepositoryCount) =>
        Create(name, source, origin, null, null, createdAt, updatedAt, visibility, selectedRepositoryCount, isSecret: true, plain: null);

    private SecretRecord Create(string name, SecretSource source, string origin, object? value, string? escPath, DateTimeOffset? createdAt, DateTimeOffset? updatedAt, string? visibility, int? selectedRepositoryCount, bool isSecret, string? plain)
    {
        var entry = _catalog.Find(name);
        return new SecretRecord(name, source, origin, value, plain, fingerprintOnRead: true)
        {
            Service = entry?.Service,
            Category = entry?.Category,
            EscPath = escPath ?? entry?.EscPath,
            NamedByConvention = entry is null,
            IsCataloged = entry is not null,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Visibility = visibility,
            SelectedRepositoryCount = selectedRepositoryCount,
            IsSecret = isSecret,
        };
    }
}
