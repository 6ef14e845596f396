namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>How far a document indents one nesting level, so that inserted lines look like their neighbours.</summary>
internal static class YamlIndentStep
{
    /// <summary>Columns per level of the first nested block mapping under <paramref name="node"/>; null when there is none.</summary>
    public static int? Detect(YamlSourceDocument document, YamlSourceNode? node)
    {
        if (node is null || node.Kind != YamlSourceKind.Mapping || node.IsFlow)
        {
            return null;
        }

        foreach (var entry in node.Entries)
        {
            var value = entry.Value;
            if (value.Kind == YamlSourceKind.Mapping && !value.IsFlow && document.StartsItsLine(value.Start))
            {
                var step = document.ColumnOf(value.Start) - document.ColumnOf(entry.Key.Start);
                if (step > 0)
                {
                    return step;
                }
            }

            var nested = Detect(document, value);
            if (nested is not null)
            {
                return nested;
            }
        }

        return null;
    }
}
