using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SecretSync;

/// <summary>Completes catalog categories, quoted because most contain a space.</summary>
public sealed class CatalogCategoryCompleter : IArgumentCompleter
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
            .Select(e => e.Category)
            .Distinct()
            .Where(c => pattern.IsMatch(c))
            .Select(c => new CompletionResult("'" + c + "'", c, CompletionResultType.ParameterValue, c))
            .ToList();
    }
}
