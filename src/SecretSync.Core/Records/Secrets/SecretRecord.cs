using System.Security;

namespace SecretSync.Core.Records.Secrets;

/// <summary>
/// One secret as collected from one place. <see cref="Value"/> is a SecureString (a string only when the user asked
/// for plain text, null for GitHub, which never returns values); ToString() and every view show the name only.
/// </summary>
public sealed class SecretRecord
{
    private readonly bool _fingerprintOnRead;
    private string? _fingerprint;
    private string? _service;
    private string? _escPath;
    private bool _namedByConvention;

    public SecretRecord(string name, SecretSource source, string origin, object? value)
        : this(name, source, origin, value, SecureStrings.RevealAny(value))
    {
    }

    /// <summary>
    /// For collectors that still hold the plain text of <paramref name="value"/>: it is not revealed again. With
    /// <paramref name="fingerprintOnRead"/> (only for a SecureString the collector made and nobody else holds) the
    /// fingerprint waits until something reads it: the HMAC was a third of the cost of collecting a 500,000-key .env file,
    /// and most collections are exported or synced without ever showing or comparing one.
    /// </summary>
    internal SecretRecord(string name, SecretSource source, string origin, object? value, string? plain, bool fingerprintOnRead = false)
    {
        Name = name;
        SourceKind = source;
        Origin = origin;
        Value = value;
        _fingerprintOnRead = fingerprintOnRead && value is SecureString;
        _fingerprint = plain is null || _fingerprintOnRead ? null : SecretFingerprint.Of(plain);
        IsEmpty = plain is { Length: 0 };
    }

    /// <summary>The secret's name (catalog name; GitHub aliases are mapped back).</summary>
    public string Name { get; }

    /// <summary>Service part of the name, when known.</summary>
    public string? Service
    {
        get
        {
            DeriveFromName();
            return _service;
        }

        init => _service = value;
    }

    /// <summary>Catalog category, when catalogued.</summary>
    public string? Category { get; init; }

    /// <summary>Where the record was collected: a <see cref="SecretSource"/> name (text, so that ConvertTo-Json writes the name: it reads .NET properties and writes enums as numbers).</summary>
    public string Source => SourceKind.ToString();

    /// <summary>Where the record was collected.</summary>
    internal SecretSource SourceKind { get; }

    /// <summary>The exact place: <c>.env:12</c>, <c>env:LINEAR_API_KEY</c>, <c>github:ai-cherry</c>, <c>esc:org/project/env@7</c>.</summary>
    public string Origin { get; }

    /// <summary>SecureString, or string when collected with -AsPlainText, or null (GitHub).</summary>
    public object? Value { get; }

    /// <summary>8 hex characters identifying the value within this session; null when there is no value.</summary>
    // Two threads that read it at once compute the same text; either write wins.
    public string? Fingerprint => _fingerprint ??= _fingerprintOnRead ? SecretFingerprint.Of(SecureStrings.Reveal((SecureString)Value!)) : null;

    /// <summary>Last update, where the source tells (GitHub).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Creation, where the source tells (GitHub).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>GitHub visibility: all, private or selected.</summary>
    public string? Visibility { get; init; }

    /// <summary>Number of repositories a <c>selected</c> GitHub secret is shared with.</summary>
    public int? SelectedRepositoryCount { get; init; }

    /// <summary>The path of the value in ESC, where known.</summary>
    public string? EscPath
    {
        get
        {
            DeriveFromName();
            return _escPath;
        }

        init => _escPath = value;
    }

    /// <summary>
    /// For a name the catalog does not know: <see cref="Service"/> and <see cref="EscPath"/> (where not given) follow
    /// from SERVICE_CREDENTIAL_TYPE when first read. The check builds both strings, and most records of a large
    /// .env file are exported or synced by name without either being read.
    /// </summary>
    internal bool NamedByConvention
    {
        init => _namedByConvention = value;
    }

    /// <summary>True when the name is in the catalog.</summary>
    public bool IsCataloged { get; init; }

    /// <summary>False for a plain (non-secret) value, such as an ESC environment variable not marked secret.</summary>
    public bool IsSecret { get; init; } = true;

    /// <summary>True when the record carries a value.</summary>
    public bool HasValue => Value is not null;

    /// <summary>
    /// True when the value is empty (a <c>NAME=</c> line of a .env copied from .env.template): such a secret is not
    /// set. It is never written to ESC or GitHub (unless -AllowEmpty) and counts as missing.
    /// </summary>
    public bool IsEmpty { get; }

    /// <summary>True when the record sets the secret: it carries a value and the value is not empty.</summary>
    public bool IsSet => HasValue && !IsEmpty;

    /// <summary>The plaintext value, for the edge that needs it (an HTTP body, a file); null when there is none.</summary>
    public string? RevealValue() => SecureStrings.RevealAny(Value);

    /// <summary>A copy whose Value is a plain string (for -AsPlainText).</summary>
    public SecretRecord WithPlainTextValue() => Copy(RevealValue());

    /// <summary>A copy whose Value is a SecureString.</summary>
    public SecretRecord WithSecureValue() => Copy(Value is string plain ? SecureStrings.From(plain) : Value);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private void DeriveFromName()
    {
        if (!Volatile.Read(ref _namedByConvention))
        {
            return;
        }

        var check = SecretNameRules.Check(Name);
        _service ??= check.Service;
        _escPath ??= check.EscPath;

        // Published after both parts: a thread that reads false sees them (and one that reads true derives them again).
        Volatile.Write(ref _namedByConvention, false);
    }

    private SecretRecord Copy(object? value) => new(Name, SourceKind, Origin, value)
    {
        Service = _service,
        NamedByConvention = Volatile.Read(ref _namedByConvention),
        Category = Category,
        UpdatedAt = UpdatedAt,
        CreatedAt = CreatedAt,
        Visibility = Visibility,
        SelectedRepositoryCount = SelectedRepositoryCount,
        EscPath = _escPath,
        IsCataloged = IsCataloged,
        IsSecret = IsSecret,
    };

    /// <summary>Wraps a plaintext value collected by Core as a SecureString.</summary>
    public static SecureString Protect(string value) => SecureStrings.From(value);
}
