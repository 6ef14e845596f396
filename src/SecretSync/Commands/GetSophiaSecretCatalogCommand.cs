using SecretSync.Core.Records.Catalog;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Lists the secrets the organisation manages: the built-in catalog plus the entries of secretsync.json.</para>
/// <para type="description">Get-SophiaSecretCatalog returns one SecretSync.CatalogEntry per secret, with its service, ESC path, category, description, whether it is required and its GitHub name (an alias where GitHub refuses the name, e.g. GITHUB_PAT is GH_PAT). The nearest secretsync.json at or above the current folder adds secrets and overrides fields of built-in ones; Origin tells which file an entry came from.</para>
/// </summary>
/// <example>
/// <code>Get-SophiaSecretCatalog -Category 'AI Services'</code>
/// <para>Lists the AI service secrets with their ESC paths.</para>
/// </example>
/// <example>
/// <code>Get-SophiaSecretCatalog -Name SLACK_* | Select-Object Name, GitHubName, EscPath</code>
/// <para>Shows where the Slack secrets live in GitHub and in ESC.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "SophiaSecretCatalog")]
[OutputType(typeof(CatalogEntry))]
public sealed class GetSophiaSecretCatalogCommand : SophiaCmdlet
{
    /// <summary>
    /// <para type="description">Names of the secrets to list. Wildcards are permitted. All secrets when omitted.</para>
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CatalogNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>
    /// <para type="description">Categories to list (Core Services, Communication, AI Services, Infrastructure, Other Integrations, or a category of secretsync.json). Wildcards are permitted.</para>
    /// </summary>
    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CatalogCategoryCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Category { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var names = WildcardFilter.Create(Name);
        var categories = WildcardFilter.Create(Category);
        foreach (var entry in Context.Catalog.Entries.Where(e => names.IsMatch(e.Name) && categories.IsMatch(e.Category)))
        {
            WriteTyped(entry, "SecretSync.CatalogEntry");
        }

        foreach (var missing in names.LiteralsNotMatched(Context.Catalog.Entries.Select(e => e.Name)))
        {
            WriteError(ErrorRecords.SecretNotInCatalog(
                new ItemNotFoundException($"{missing} is not in the catalog. Add it to the \"secrets\" of secretsync.json to manage it."),
                missing));
        }
    }
}
