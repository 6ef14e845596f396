using SecretSync.Core.Planning.Sync;

namespace SecretSync;

/// <summary>What a sync leaves out of its input, said before it writes: records without a value, empty values, disagreeing sources, invalid names.</summary>
internal static class SyncInputWarnings
{
    public static void Report(SophiaCmdlet cmdlet, SyncInput input)
    {
        if (input.WithoutValue.Count > 0)
        {
            cmdlet.WriteWarning($"Skipped {input.WithoutValue.Count} record(s) without a value (GitHub never returns values; sync them from a workflow run): {string.Join(", ", input.WithoutValue)}.");
        }

        if (input.Empty.Count > 0)
        {
            cmdlet.WriteWarning(EmptyValues.Message(input.Empty));
        }

        foreach (var (name, origins) in input.Disagreements)
        {
            cmdlet.WriteWarning($"{name} has different values in {origins}; the last one is synced.");
        }

        cmdlet.WriteInvalidNames(input);
    }
}
