using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// Keeps an import in the <c>imports</c> list of an ESC definition (reference §6: a list of <c>proj/env</c> strings or
/// single-key objects, merged in order, the environment's own values on top). <see cref="Ensure"/> only adds, last, so
/// the environment's earlier imports cannot override it; the order of the list stays. <see cref="Remove"/> takes out
/// only the plain entries SecretSync writes, and the sync calls it only for an import it recorded as added by itself
/// (<see cref="EscManagedImports"/>). Everything outside the changed text stays byte-identical.
/// </summary>
public static class EscImportsEditor
{
    /// <summary>True when <paramref name="definition"/> imports <paramref name="importName"/> (as a string or a single-key object).</summary>
    public static bool Imports(string definition, string importName)
    {
        var imports = YamlSourceDocument.Parse(definition).Root?.Find("imports")?.Value;
        return imports is { Kind: YamlSourceKind.Sequence } && imports.Items.Any(item => NameOf(item) == importName);
    }

    /// <summary>
    /// <paramref name="definition"/> with <paramref name="importName"/> appended to <c>imports</c> (the same text
    /// when it is there already). Refuses (fails closed) a document whose <c>imports</c> is not a list.
    /// </summary>
    /// <exception cref="EscDefinitionException">The definition cannot take the import safely.</exception>
    public static string Ensure(string definition, string importName)
    {
        var document = YamlSourceDocument.Parse(definition ?? throw new ArgumentNullException(nameof(definition)));
        var text = document.Text;
        var nl = document.Newline;
        var indent = new string(' ', document.IndentStep);
        var line = $"- {importName}";
        if (document.Root is null)
        {
            return $"imports:{nl}{indent}{line}{nl}" + text;
        }

        if (document.Root.Kind != YamlSourceKind.Mapping || document.Root.IsFlow)
        {
            throw new EscDefinitionException(document.LineOf(document.Root.Start), 0, "the definition is not a block mapping, so SecretSync cannot add the import of the shared environment; edit it with 'esc env edit'");
        }

        var entry = document.Root.Find("imports");
        if (entry is null)
        {
            var at = document.LineStartOf(document.Root.Start);
            return text.Substring(0, at) + $"imports:{nl}{indent}{line}{nl}" + text.Substring(at);
        }

        var imports = entry.Value;
        if (imports.IsNull)
        {
            return text.Substring(0, entry.AfterColon) + $"{nl}{indent}{line}" + text.Substring(imports.End);
        }

        if (imports.Kind != YamlSourceKind.Sequence)
        {
            throw new EscDefinitionException(document.LineOf(imports.Start), document.ColumnOf(imports.Start) + 1, "\"imports\" is not a list; ESC refuses such a definition, and SecretSync does not guess how to add to it");
        }

        if (imports.Items.Any(item => NameOf(item) == importName))
        {
            return text;
        }

        var result = imports.IsFlow ? EscFlowImports.Append(text, imports, importName) : EscBlockImports.Append(document, imports, line);
        if (!Imports(result, importName))
        {
            throw new EscDefinitionException(document.LineOf(imports.Start), 0, $"adding the import {importName} did not read back; the definition was left as it was");
        }

        return result;
    }

    /// <summary>
    /// <paramref name="definition"/> without the plain entries <c>- importName</c> (the form SecretSync adds); an
    /// object entry (<c>- importName: {merge: false}</c>) was written by a person and stays. The same text when there is none.
    /// </summary>
    /// <exception cref="EscDefinitionException">The entry is not on a line of its own, so it cannot be removed safely.</exception>
    public static string Remove(string definition, string importName)
    {
        var document = YamlSourceDocument.Parse(definition ?? throw new ArgumentNullException(nameof(definition)));
        var imports = document.Root?.Find("imports")?.Value;
        if (imports is not { Kind: YamlSourceKind.Sequence })
        {
            return definition;
        }

        var text = document.Text;
        foreach (var item in imports.Items.Where(i => i.Kind == YamlSourceKind.Scalar && i.ScalarValue == importName).Reverse())
        {
            text = imports.IsFlow ? EscFlowImports.Remove(text, item) : EscBlockImports.Remove(document, text, item);
        }

        if (YamlSourceDocument.Parse(text).Root?.Find("imports")?.Value is { Kind: YamlSourceKind.Sequence } left && left.Items.Any(i => i.Kind == YamlSourceKind.Scalar && i.ScalarValue == importName))
        {
            throw new EscDefinitionException(document.LineOf(imports.Start), 0, $"removing the import {importName} did not read back; the definition was left as it was");
        }

        return text;
    }

    private static string? NameOf(YamlSourceNode item) => item.Kind switch
    {
        YamlSourceKind.Scalar => item.ScalarValue,
        YamlSourceKind.Mapping when item.Entries.Count == 1 => item.Entries[0].Key.ScalarValue,
        _ => null,
    };
}
