namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// What to change in one mapping and below it, independent of the text: keys to set, keys to remove, and nested
/// mappings to edit (created when absent and given something to hold, removed when the edits empty them).
/// </summary>
internal sealed class YamlMapEditPlan
{
    private readonly Dictionary<string, YamlMapEditPlan> _childIndex = new(StringComparer.Ordinal);

    public YamlMapEditPlan(string path)
    {
        Path = path;
    }

    /// <summary>Dotted path of this mapping, for messages.</summary>
    public string Path { get; }

    public SortedDictionary<string, YamlOutNode> Sets { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys to remove; a non-null value removes the key only if its scalar equals it.</summary>
    public Dictionary<string, string?> Removes { get; } = new(StringComparer.Ordinal);

    /// <summary>Child plans in the order they were added (new mappings are written in this order).</summary>
    public List<KeyValuePair<string, YamlMapEditPlan>> Children { get; } = new();

    /// <summary>When this mapping is created, it goes before this existing sibling (if present), e.g. services before environmentVariables.</summary>
    public string? InsertBefore { get; set; }

    /// <summary>Comment written above this mapping's key when it is created.</summary>
    public string? HeadComment { get; set; }

    public YamlMapEditPlan Child(string key)
    {
        if (_childIndex.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var child = new YamlMapEditPlan(Path.Length == 0 ? key : Path + "." + key);
        Children.Add(new KeyValuePair<string, YamlMapEditPlan>(key, child));
        _childIndex[key] = child;
        return child;
    }

    /// <summary>The plan for the child mapping at <paramref name="key"/>, or null if the plan does not touch it.</summary>
    public YamlMapEditPlan? FindChild(string? key) => key is not null && _childIndex.TryGetValue(key, out var child) ? child : null;

    /// <summary>The mapping to write when it does not exist yet, or null when the plan would create nothing.</summary>
    public YamlOutNode? ToNewNode()
    {
        var node = YamlOutNode.Map();
        node.PreferBlock = true;
        node.HeadComment = HeadComment;
        foreach (var set in Sets)
        {
            node.Add(set.Key, set.Value);
        }

        foreach (var child in Children)
        {
            var childNode = child.Value.ToNewNode();
            if (childNode is not null)
            {
                node.Add(child.Key, childNode);
            }
        }

        return node.Entries.Count > 0 ? node : null;
    }

    /// <summary>True when removal of <paramref name="entry"/> is asked for.</summary>
    public bool RemovesEntry(YamlSourceEntry entry)
    {
        var key = entry.Key.ScalarValue;
        if (key is null || !Removes.TryGetValue(key, out var required))
        {
            return false;
        }

        return required is null || (entry.Value.Kind == YamlSourceKind.Scalar && entry.Value.ScalarValue == required);
    }
}
