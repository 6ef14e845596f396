using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SecretSync;

/// <summary>Completes secret names from the catalog of the current location.</summary>
public sealed class CatalogNameCompleter : IArgumentCompleter
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
        return catalog.Entries
            .Where(e => pattern.IsMatch(e.Name))
            .Select(e => new CompletionResult(e.Name, e.Name, CompletionResultType.ParameterValue, e.Description ?? e.Name))
            .ToList();
    }
}
