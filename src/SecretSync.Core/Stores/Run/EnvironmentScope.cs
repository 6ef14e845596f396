namespace SecretSync.Core.Stores.Run;

/// <summary>
/// Sets variables in this process's environment and, on Dispose, puts back what was there before: the old value, or
/// no variable at all. For script blocks, which run in this process and read $env: directly.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly List<KeyValuePair<string, string?>> _previous = [];

    private EnvironmentScope()
    {
    }

    /// <summary>Sets <paramref name="variables"/>, remembering the values they replace.</summary>
    public static EnvironmentScope Set(IReadOnlyDictionary<string, string> variables)
    {
        var scope = new EnvironmentScope();
        try
        {
            foreach (var pair in variables)
            {
                scope._previous.Add(new KeyValuePair<string, string?>(pair.Key, Environment.GetEnvironmentVariable(pair.Key)));
                Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            }
        }
        catch
        {
            scope.Dispose();
            throw;
        }

        return scope;
    }

    /// <summary>Restores the previous values, last set first.</summary>
    public void Dispose()
    {
        for (int i = _previous.Count - 1; i >= 0; i--)
        {
            Environment.SetEnvironmentVariable(_previous[i].Key, _previous[i].Value);
        }

        _previous.Clear();
    }
}
