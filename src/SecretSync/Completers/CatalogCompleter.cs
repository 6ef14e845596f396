using System.Collections;
using System.Management.Automation.Language;
using SecretSync.Core.Records.Catalog;

namespace SecretSync;

/// <summary>Completes from the catalog of the current location; a broken secretsync.json completes nothing.</summary>
public abstract class CatalogCompleter : IArgumentCompleter
{
    /// <inheritdoc/>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var catalog = CompletionContext.Catalog();
        if (catalog is null)
        {
            return [];
        }

        var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return Candidates(catalog)
            .Where(c => pattern.IsMatch(c.Value))
            .Select(c => new CompletionResult(c.Text, c.Value, CompletionResultType.ParameterValue, c.ToolTip))
            .ToList();
    }

    /// <summary>What may be completed: the value matched, the text inserted (quoted where needed) and a tooltip.</summary>
    internal abstract IEnumerable<(string Value, string Text, string ToolTip)> Candidates(SecretCatalog catalog);
}
