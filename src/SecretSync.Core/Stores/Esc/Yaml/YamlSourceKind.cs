namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>The shape of a node in <see cref="YamlSourceNode"/>.</summary>
internal enum YamlSourceKind
{
    Scalar,
    Mapping,
    Sequence,
    Alias,
}
