namespace SecretSync.Core.Stores.Esc;

/// <summary>One revision of an ESC environment as <c>GET .../versions</c> lists it (reference §5 EnvironmentRevision).</summary>
public sealed class EscRevisionInfo
{
    public EscRevisionInfo(long number, DateTimeOffset? created)
    {
        Number = number;
        Created = created;
    }

    /// <summary>The revision number (1 is the empty environment made by create).</summary>
    public long Number { get; }

    /// <summary>When the revision was written; null when the service did not say.</summary>
    public DateTimeOffset? Created { get; }

    /// <inheritdoc/>
    public override string ToString() => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
