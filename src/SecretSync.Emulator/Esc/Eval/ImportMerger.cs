using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>
/// Reads <c>imports</c>: each entry a name (<c>proj/env</c>, or a bare env in project <c>default</c>) or a single-key
/// object <c>{proj/env: {merge: false}}</c>; merged in order with JSON merge patch. Every import, merged or not, is
/// also reachable by its name as written through <c>${imports.&lt;name&gt;}</c> (esc eval.go evaluateImports). Entry
/// shapes and their diagnostics follow esc ast/environment.go (ImportDecl.parse, parseRecord).
/// </summary>
internal static class ImportMerger
{
    public static EscValue? Merge(
        EscEvaluator evaluator, SyntaxNode? imports, Func<string, SourceRange, EscValue?> resolve, OrderedDictionary<string, EscValue> byName)
    {
        if (imports is null || imports is SyntaxScalar { IsPlain: true, Value: "" or "null" or "~" })
        {
            return null;
        }

        if (imports is not SyntaxSequence list)
        {
            evaluator.Report(imports.Range, "imports must be a list");
            return null;
        }

        EscValue? merged = null;
        foreach (var item in list.Items)
        {
            var (name, merge) = Parse(evaluator, item);
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (resolve(name, item.Range) is not { } value)
            {
                continue;
            }

            byName[name] = value;
            if (merge)
            {
                merged = merged is null ? value : EscValue.Merge(merged, value);
            }
        }

        return merged;
    }

    /// <summary>
    /// One entry as esc's ImportDecl.parse reads it: a string, or an object with a single key whose value is an
    /// object (parseRecord) where <c>merge</c>, if given, must be a boolean literal; other keys are ignored.
    /// </summary>
    private static (string? Name, bool Merge) Parse(EscEvaluator evaluator, SyntaxNode item)
    {
        switch (item)
        {
            case SyntaxScalar scalar:
                return (scalar.Value, true);
            case SyntaxMapping { Entries.Count: not 1 }:
                evaluator.Report(item.Range, "import must have a single key");
                return (null, false);
            case SyntaxMapping single:
                var name = single.Entries[0].Key.Value;
                if (single.Entries[0].Value is not SyntaxMapping { BuiltinName: null } options)
                {
                    evaluator.Report(single.Entries[0].Value.Range, "import must be an object");
                    return (name, false);
                }

                var merge = options.Find("merge");
                if (merge is null)
                {
                    return (name, true);
                }

                if (merge is SyntaxScalar { IsPlain: true, Value: "true" or "True" or "TRUE" or "false" or "False" or "FALSE" } flag)
                {
                    return (name, flag.Value is "true" or "True" or "TRUE");
                }

                evaluator.Report(merge.Range, "merge must be a boolean value");
                return (name, false);
            default:
                evaluator.Report(item.Range, "import must be a string or an object");
                return (null, false);
        }
    }
}
