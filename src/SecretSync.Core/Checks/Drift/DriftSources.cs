namespace SecretSync.Core.Checks.Drift;

/// <summary>The <see cref="DriftRecord.Sources"/> text of a name: where it was seen, in a fixed order.</summary>
internal static class DriftSources
{
    /// <summary>E.g. <c>Catalog,DotEnv,Esc</c>.</summary>
    public static string Of(DriftFacts f)
    {
        var sources = new List<string>();
        AddIf(sources, "Catalog", f.Entry is not null);
        AddIf(sources, "Environment", f.InEnvironment);
        AddIf(sources, "DotEnv", f.InDotEnv);
        AddIf(sources, "GitHub", f.InGitHub == true);
        AddIf(sources, "Esc", f.InEsc == true);
        AddIf(sources, "Mcp", f.References.Count > 0);
        return string.Join(",", sources);
    }

    private static void AddIf(List<string> list, string item, bool condition)
    {
        if (condition)
        {
            list.Add(item);
        }
    }
}
