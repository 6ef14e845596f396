namespace SecretSync.Emulator.Esc;

/// <summary>An environment and its revisions, oldest first; the last one is <c>latest</c>.</summary>
internal sealed class EscEnvironment
{
    public required string Organization { get; init; }

    public required string Project { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset Created { get; init; }

    public List<EscRevision> Revisions { get; init; } = [];

    public EscRevision Latest => Revisions[^1];

    /// <summary>"project/env", the name diagnostics carry.</summary>
    public string Label => $"{Project}/{Name}";

    /// <summary>A revision by number, or the tag <c>latest</c>; null when there is none.</summary>
    public EscRevision? Find(string version)
    {
        if (version == "latest")
        {
            return Latest;
        }

        return int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= Revisions.Count
            ? Revisions[number - 1]
            : null;
    }
}
