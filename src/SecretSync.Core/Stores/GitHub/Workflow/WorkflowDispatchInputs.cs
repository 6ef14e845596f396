namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// workflow_dispatch inputs are a map of strings on the wire, whatever the input's type in the workflow (boolean
/// and number inputs too): GitHub refuses a JSON true or 3 with 422 "For 'properties/x', true is not a string."
/// (github-api §1.4; gh sends map[string]string). Booleans become "true"/"false" as the Actions UI sends them,
/// numbers their invariant text.
/// </summary>
public static class WorkflowDispatchInputs
{
    /// <summary>The inputs as strings; throws <see cref="ArgumentException"/> naming an input that has no single text form.</summary>
    public static IReadOnlyDictionary<string, string> ToStrings(IEnumerable<KeyValuePair<string, object?>> inputs)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in inputs)
        {
            strings[pair.Key] = pair.Value switch
            {
                string text => text,
                bool flag => flag ? "true" : "false",
                Enum choice => choice.ToString(),
                char letter => letter.ToString(),
                IFormattable number when IsNumber(number) => number.ToString(null, CultureInfo.InvariantCulture),
                null => throw new ArgumentException($"Workflow input '{pair.Key}' is null: workflow_dispatch inputs are strings; pass '' for an empty one.", nameof(inputs)),
                _ => throw new ArgumentException($"Workflow input '{pair.Key}' is a {pair.Value.GetType().Name}: workflow_dispatch inputs are strings, booleans or numbers; pass text (join a list yourself).", nameof(inputs)),
            };
        }

        return strings;
    }

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or System.Numerics.BigInteger;
}
