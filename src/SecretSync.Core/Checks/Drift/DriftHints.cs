namespace SecretSync.Core.Checks.Drift;

/// <summary>The next command for each status: the seed's troubleshooting steps, made concrete for one name.</summary>
internal static class DriftHints
{
    public static string For(DriftStatus status, DriftFacts f, DriftInput input)
    {
        var name = f.Name;
        return status switch
        {
            DriftStatus.MissingRequired => $"Required and set nowhere checked ({Checked(input)}): Set-SophiaSecret -Name {name} -Target GitHubOrg, Esc",
            DriftStatus.InvalidName => $"Breaks SERVICE_CREDENTIAL_TYPE: rename it to {f.Check?.SuggestedName} where it is set ({Where(f)}); see Test-SophiaSecretName {name} -Detailed",
            DriftStatus.LikelyTypo => $"Not catalogued; did you mean {f.LikelyTypoOf}? Rename it to {f.LikelyTypoOf} where it is written ({Where(f)}); if it is another secret, add {{ \"name\": \"{name}\" }} to \"secrets\" in secretsync.json",
            DriftStatus.UnresolvedReference when f.InEsc is null && f.InDotEnv && !f.InEnvironment =>
                $"{Files(f)} reference(s) it, and the client resolves it from its own environment; it does not read .env, the only place it is set: set it in the environment the client starts with (or sync it, {SyncCommand(f)}, and start the client with 'esc run'), then restart the MCP server",
            DriftStatus.UnresolvedReference => $"{Files(f)} reference(s) it, but {(f.InEsc == false ? "ESC lacks it" : "neither the environment nor .env sets it")}: {SyncCommand(f)}, then restart the MCP server",
            DriftStatus.MissingInEsc => $"{(f.InGitHub == true ? "In GitHub" : "Set locally")}, not in ESC: {SyncCommand(f)}{Typo(f)}",
            DriftStatus.Stale when input.ChangedInGitHubAfterPush.TryGetValue(name, out var pushedAt) => $"GitHub updated it ({Time(f.GitHubUpdatedAt)}) after SecretSync last pushed it ({Time(pushedAt)}), so ESC may hold an older value: {SyncCommand(f)}, then record that GitHub holds ESC's value again: Get-SophiaSecret -Source Esc -Name {name} | Set-SophiaSecret -Target GitHubOrg",
            DriftStatus.Stale => $"GitHub updated it ({Time(f.GitHubUpdatedAt)}) after ESC revision {input.EscRevision} was written ({Time(input.EscRevisionCreatedAt)}): {SyncCommand(f)}{(f.References.Count > 0 ? ", then restart the MCP server" : string.Empty)}",
            DriftStatus.DialectMismatch when f.DialectDifference is { } d => $"{d.Origin}: {d.Explanation}. See what each reads: Get-SophiaSecret -Path {d.FilePath} -Name {name} -Dialect DotNetEnv (and without -Dialect for python-dotenv); rewrite it with a spelling both read alike: Get-SophiaSecret -Path {d.FilePath} -Name {name} | Export-SophiaSecret -Format DotEnv -Path {d.FilePath}",
            DriftStatus.ValueMismatch => f.EscDisagrees
                ? $"Values differ ({f.DisagreeingSources}). ESC holds the synced value: Get-SophiaSecret -Source Esc -Name {name} | Export-SophiaSecret -Format DotEnv; if the local value is the new one: Set-SophiaSecret -Name {name} -Target GitHubOrg, Esc"
                : $"Values differ ({f.DisagreeingSources}); most loaders let the process environment win over .env: update .env or Remove-Item Env:{name}",
            DriftStatus.RotationDue => $"Last changed {LastChange(f, input)}, before the -MaxAge cut-off ({Time(input.AgeCutoff)}): rotate it with ./examples/Rotate-SophiaSecret.ps1 -Name {name} (or Set-SophiaSecret -Name {name} -Target GitHubOrg, Esc, then Start-SophiaSecretSync -Wait)",
            DriftStatus.MissingLocally => $"In ESC, not in the environment or .env: Get-SophiaSecret -Source Esc -Name {name} | Export-SophiaSecret -Format DotEnv{Typo(f)}",
            DriftStatus.NotFound => $"Found nowhere checked ({Checked(input)}){Typo(f)}; to create it: Set-SophiaSecret -Name {name} -Target GitHubOrg, Esc",
            DriftStatus.NotInCatalog => $"Not catalogued, so the sync workflow skips it: add {{ \"name\": \"{name}\" }} to \"secrets\" in secretsync.json, then New-SophiaSyncWorkflow -Force{Typo(f)}",
            _ => string.Empty,
        };
    }

    // GitHub is the source of truth and its workflow syncs catalogued names only; a local value goes to ESC directly.
    private static string SyncCommand(DriftFacts f) => f switch
    {
        { InGitHub: true, Entry: not null } => "Start-SophiaSecretSync -Wait",
        { InGitHub: true } => $"add {{ \"name\": \"{f.Name}\" }} to secretsync.json, New-SophiaSyncWorkflow -Force, then Start-SophiaSecretSync -Wait",
        { IsLocal: true } => $"Get-SophiaSecret -Name {f.Name} | Sync-SophiaSecret",
        _ => $"Set-SophiaSecret -Name {f.Name} -Target GitHubOrg, Esc",
    };

    private static string Typo(DriftFacts f) => f.Nearest is null ? string.Empty : $" ({f.Nearest} exists: a typo?)";

    private static string Files(DriftFacts f) =>
        string.Join(", ", f.References.Select(r => Path.GetFileName(r.FilePath) + ":" + r.Line).Distinct(StringComparer.Ordinal));

    private static string Where(DriftFacts f)
    {
        var places = new List<string>();
        if (f.InEnvironment)
        {
            places.Add("environment");
        }

        if (f.InDotEnv)
        {
            places.Add(".env");
        }

        if (f.InGitHub == true)
        {
            places.Add("GitHub");
        }

        if (f.InEsc == true)
        {
            places.Add("ESC");
        }

        if (f.References.Count > 0)
        {
            places.Add(Files(f));
        }

        return places.Count > 0 ? string.Join(", ", places) : "nowhere yet";
    }

    private static string Checked(DriftInput input) =>
        "environment, .env" + (input.GitHubRead ? ", GitHub" : string.Empty) + (input.EscRead ? ", ESC" : string.Empty);

    // What is known of the last change: GitHub's updated_at, and for ESC only that it predates a revision's time.
    private static string LastChange(DriftFacts f, DriftInput input)
    {
        var parts = new List<string>();
        if (f.InGitHub == true && f.GitHubUpdatedAt < input.AgeCutoff)
        {
            parts.Add($"in GitHub at {Time(f.GitHubUpdatedAt)}");
        }

        if (input.EscUnchangedSince.TryGetValue(f.Name, out var since))
        {
            parts.Add($"in ESC before {Time(since)}");
        }

        return string.Join(" and ", parts);
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z" : "unknown";
}
