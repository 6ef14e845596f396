using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// The record of the keys SecretSync wrote, kept in the definition as
/// <c>values.secretSync.managedKeys: {NAME: service.key, ...}</c>, sorted by name.
/// </summary>
/// <remarks>
/// Why there: ESC accepts only <c>imports</c>, <c>values</c> and <c>description</c> at the top level, so the record
/// has to live under <c>values</c>. It is then an ordinary property (visible in <c>esc env get</c> and <c>open</c>),
/// which is the point: anyone can see what -Prune may delete. <c>environmentVariables</c> exports only its own
/// scalars, so the record never leaks into a process environment. <c>secretSync</c> is camelCase like ESC's own
/// reserved keys; the naming rules produce lower-case service names, and <see cref="EscSecretPath"/> rejects it
/// as a service, so no secret can collide with it. A map rather than a list of names: -Prune must find the path
/// of a name that is no longer in the input (and whose naming rule may have changed since). A YAML comment would
/// be visible too, but ESC re-encodes definitions and nothing guarantees a comment survives that.
/// </remarks>
internal static class EscOwnership
{
    public const string ValuesKey = "values";
    public const string SectionKey = "secretSync";
    public const string ManagedKeysKey = "managedKeys";
    public const string HeadComment = "Written by SecretSync: the keys it manages (Sync-SophiaSecret -Prune removes only these).";

    /// <summary>The recorded NAME → <c>service.key</c> pairs; entries that are not scalar pairs are ignored.</summary>
    public static SortedDictionary<string, string> Read(YamlSourceDocument document)
    {
        var owned = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        var managed = document.Root?.FindMapping(ValuesKey)?.FindMapping(SectionKey)?.FindMapping(ManagedKeysKey);
        if (managed is null)
        {
            return owned;
        }

        foreach (var entry in managed.Entries)
        {
            if (entry.Key.Kind == YamlSourceKind.Scalar && entry.Value.Kind == YamlSourceKind.Scalar && !entry.Value.IsNull)
            {
                owned[entry.Key.ScalarValue!] = entry.Value.ScalarValue!;
            }
        }

        return owned;
    }

    /// <summary>Same names with the same paths (ordinal).</summary>
    public static bool AreEqual(SortedDictionary<string, string> left, SortedDictionary<string, string> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var pair in left)
        {
            if (!right.TryGetValue(pair.Key, out var path) || !string.Equals(path, pair.Value, System.StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>managedKeys</c> map as YAML, in name order for stable diffs.</summary>
    public static YamlOutNode ToNode(SortedDictionary<string, string> owned)
    {
        var node = YamlOutNode.Map();
        node.PreferBlock = true;
        foreach (var pair in owned)
        {
            node.Add(pair.Key, YamlOutNode.Scalar(YamlScalarText.KeyOrWord(pair.Value)));
        }

        return node;
    }
}
