namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>Tells whether a <see cref="YamlMapEditPlan"/> leaves a mapping with nothing in it, so the mapping itself can go.</summary>
internal static class YamlMapEmptiness
{
    /// <summary>True when the plan removes every entry of <paramref name="map"/> and adds none.</summary>
    public static bool WillBeEmpty(YamlMapEditPlan plan, YamlSourceNode map)
    {
        foreach (var set in plan.Sets)
        {
            if (map.Find(set.Key) is null)
            {
                return false;
            }
        }

        foreach (var child in plan.Children)
        {
            if (map.Find(child.Key) is null && child.Value.ToNewNode() is not null)
            {
                return false;
            }
        }

        foreach (var entry in map.Entries)
        {
            if (!plan.RemovesEntry(entry) && !ChildEmptied(plan, entry))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="entry"/> is a block mapping whose plan empties it.</summary>
    public static bool ChildEmptied(YamlMapEditPlan plan, YamlSourceEntry entry)
    {
        var child = plan.FindChild(entry.Key.ScalarValue);
        return child is not null && entry.Value is { Kind: YamlSourceKind.Mapping, IsFlow: false } && WillBeEmpty(child, entry.Value);
    }
}
