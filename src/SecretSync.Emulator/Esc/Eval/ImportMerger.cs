using System;
using System.Collections.Generic;
using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>
/// Reads <c>imports</c>: each entry a name (<c>proj/env</c>, or a bare env in project <c>default</c>) or a single-key
/// object <c>{proj/env: {merge: false}}</c>; merged in order with JSON merge patch. Every import, merged or not, is
/// also reachable by its name as written through <c>${imports.&lt;name&gt;}</c> (esc eval.go evaluateImports).
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
            var (name, merge) = item switch
            {
                SyntaxScalar scalar => (scalar.Value, true),
                SyntaxMapping { Entries.Count: 1 } single => (single.Entries[0].Key.Value, !IsMergeFalse(single.Entries[0].Value)),
                _ => (null, false),
            };
            if (string.IsNullOrEmpty(name))
            {
                evaluator.Report(item.Range, "an import must be a string or an object with a single key");
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

    private static bool IsMergeFalse(SyntaxNode options) =>
        options is SyntaxMapping mapping && mapping.Find("merge") is SyntaxScalar { Value: "false" };
}
