namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>One key/value pair of a mapping, with where its ':' ends (the value text may start after it).</summary>
internal sealed class YamlSourceEntry
{
    public YamlSourceEntry(YamlSourceNode key, YamlSourceNode value, int afterColon)
    {
        Key = key;
        Value = value;
        AfterColon = afterColon;
    }

    public YamlSourceNode Key { get; }

    public YamlSourceNode Value { get; }

    /// <summary>Index just after the ':' that separates key and value.</summary>
    public int AfterColon { get; }
}
