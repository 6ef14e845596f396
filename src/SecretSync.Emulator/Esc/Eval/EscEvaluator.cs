using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc.Eval;

/// <summary>
/// Evaluates one environment definition the way pulumi/esc eval does for the subset the module uses: imports merged
/// by JSON merge patch, own values on top, references and interpolation, fn::secret and the pure builtins.
/// </summary>
internal sealed class EscEvaluator
{
    private static readonly string[] s_reservedKeys = ["imports", "context", "environments"];
    private readonly Dictionary<SyntaxNode, EscValue> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SyntaxNode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly OrderedDictionary<string, EscValue> _importsByName = [];
    private SyntaxMapping? _values;
    private EscValue? _imports;

    private EscEvaluator(SecretMode mode, List<Diagnostic> diagnostics)
    {
        Mode = mode;
        Diagnostics = diagnostics;
    }

    public SecretMode Mode { get; }

    public List<Diagnostic> Diagnostics { get; }

    /// <summary>Evaluates to the <c>properties</c> object. <paramref name="resolveImport"/> evaluates another environment by name.</summary>
    public static EscValue Evaluate(
        SyntaxNode? root, SecretMode mode, Func<string, SourceRange, EscValue?> resolveImport, List<Diagnostic> diagnostics)
    {
        var evaluator = new EscEvaluator(mode, diagnostics);
        if (root is null || (root is SyntaxScalar { IsPlain: true, Value: "" }))
        {
            return EscValue.Object([], null);
        }

        if (root is not SyntaxMapping document)
        {
            evaluator.Report(root.Range, "an environment definition must be an object");
            return EscValue.Object([], root.Range);
        }

        evaluator._imports = ImportMerger.Merge(evaluator, document.FindLast("imports"), resolveImport, evaluator._importsByName);
        var values = document.FindLast("values");
        if (values is SyntaxMapping mapping)
        {
            evaluator._values = mapping;
            return evaluator.EvaluateObject(mapping, evaluator._imports);
        }

        if (values is not null && values is not SyntaxScalar { IsPlain: true, Value: "" or "null" or "~" })
        {
            evaluator.Report(values.Range, "values must be an object");
        }

        return evaluator._imports ?? EscValue.Object([], null);
    }

    public void Report(SourceRange? range, string summary) => Diagnostics.Add(new Diagnostic(range, summary));

    public EscValue EvaluateNode(SyntaxNode node, EscValue? imported)
    {
        if (_memo.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(node))
        {
            Report(node.Range, "cyclic reference");
            return EscValue.UnknownValue(node.Range);
        }

        try
        {
            var result = node switch
            {
                SyntaxScalar scalar => EvaluateScalar(scalar),
                SyntaxSequence sequence => EvaluateSequence(sequence),
                SyntaxMapping { BuiltinName: { } name } call => EscBuiltins.Evaluate(this, call, name),
                SyntaxMapping mapping => EvaluateObject(mapping, imported),
                _ => throw new InvalidOperationException("unknown syntax node"),
            };

            // Every value merges onto the imported value at its path, references and builtins too (esc value.merge).
            if (node is not SyntaxMapping { BuiltinName: null } && imported is { Kind: EscValueKind.Object, Unknown: false }
                && result is { Kind: EscValueKind.Object, Unknown: false })
            {
                result = EscValue.Merge(imported, result);
            }

            _memo[node] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(node);
        }
    }

    private EscValue EvaluateObject(SyntaxMapping mapping, EscValue? imported)
    {
        var properties = imported?.Properties is { } inherited && !imported.Unknown
            ? new OrderedDictionary<string, EscValue>(inherited)
            : [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, valueNode) in mapping.Entries)
        {
            if (key.Value.StartsWith("fn::", StringComparison.Ordinal))
            {
                // esc's words: ast/environment.go at the top of values, ast/expr.go tryParseFunction elsewhere.
                Report(
                    ReferenceEquals(mapping, _values) ? key.Range : mapping.Range,
                    ReferenceEquals(mapping, _values)
                        ? $"builtin function call \"{key.Value}\" not allowed at the top level"
                        : $"illegal call to builtin function: \"{key.Value}\" must be the only key within its containing object");
                continue;
            }

            if (!IsAcceptedKey(mapping, key, seen))
            {
                continue;
            }

            var inheritedChild = imported?.Access(new PathSegment(key.Value, null));
            properties[key.Value] = EvaluateNode(valueNode, inheritedChild);
        }

        return EscValue.Object(properties, mapping.Range);
    }

    /// <summary>esc's key rules inside values (reference §6): literal keys, no duplicates (the first is kept), and
    /// none of the reserved names at the top.</summary>
    private bool IsAcceptedKey(SyntaxMapping mapping, SyntaxScalar key, HashSet<string> seen)
    {
        if (Interpolation.TryParse(key.Value, out _) is not [{ Access: null }])
        {
            Report(key.Range, "object keys must be strings");
            return false;
        }

        if (ReferenceEquals(mapping, _values) && Array.IndexOf(s_reservedKeys, key.Value) >= 0)
        {
            Report(key.Range, $"\"{key.Value}\" is a reserved key");
            return false;
        }

        if (!seen.Add(key.Value))
        {
            Report(key.Range, $"duplicate key \"{key.Value}\"");
            return false;
        }

        return true;
    }

    private EscValue EvaluateSequence(SyntaxSequence sequence)
    {
        var items = new List<EscValue>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            items.Add(EvaluateNode(item, null));
        }

        return EscValue.Array(items, sequence.Range);
    }

    private EscValue EvaluateScalar(SyntaxScalar scalar)
    {
        if (ScalarTyping.TryTyped(scalar) is { } typed)
        {
            return typed;
        }

        var parts = Interpolation.TryParse(scalar.Value, out var problem);
        if (parts is null)
        {
            Report(scalar.Range, problem);
            return EscValue.UnknownValue(scalar.Range);
        }

        if (parts is [{ Access: { } onlyAccess }])
        {
            return Lookup(onlyAccess, scalar.Range)?.WithDef(scalar.Range) ?? EscValue.UnknownValue(scalar.Range);
        }

        var text = new System.Text.StringBuilder();
        bool secret = false, unknown = false;
        foreach (var part in parts)
        {
            if (part.Access is null)
            {
                text.Append(part.Literal);
                continue;
            }

            var value = Lookup(part.Access, scalar.Range);
            secret |= value?.Secret ?? false;
            unknown |= value is null || value.Unknown;
            if (value is not null)
            {
                text.Append(ValueJson.Stringify(value));
            }
        }

        return unknown ? EscValue.UnknownValue(scalar.Range, secret) : EscValue.String(text.ToString(), scalar.Range, secret);
    }

    /// <summary>
    /// Resolves a reference lazily: it walks the definition tree (so that sibling values need not be evaluated, and
    /// cycles are found) and the merged imports side by side, evaluating only where the walk leaves the tree.
    /// </summary>
    private EscValue? Lookup(List<PathSegment> path, SourceRange at)
    {
        if (path[0].Key == "imports")
        {
            return LookupImport(path, at);
        }

        SyntaxNode? own = _values;
        var imported = _imports;
        EscValue? value = null;
        foreach (var segment in path)
        {
            if (value is null && own is SyntaxMapping { BuiltinName: null } mapping && segment.Key is { } key)
            {
                own = mapping.Find(key);
                imported = imported?.Access(segment);
                if (own is null && imported is null)
                {
                    Report(at, $"unknown property \"{segment}\"");
                    return null;
                }

                continue;
            }

            if (value is null && own is SyntaxSequence sequence)
            {
                if (segment.Index is not { } index || index < 0 || index >= sequence.Items.Count)
                {
                    Report(at, $"unknown property \"{segment}\"");
                    return null;
                }

                own = sequence.Items[index];
                imported = null;
                continue;
            }

            value ??= own is null ? imported : EvaluateNode(own, imported);
            own = null;
            if (value is null || value.Unknown)
            {
                return value ?? Missing(at, segment);
            }

            value = value.Access(segment) ?? Missing(at, segment);
            if (value is null)
            {
                return null;
            }
        }

        return value ?? (own is null ? imported : EvaluateNode(own, imported)) ?? Missing(at, path[0]);
    }

    /// <summary><c>${imports.&lt;name&gt;...}</c>: any import by the name it was imported as, merged or not.</summary>
    private EscValue? LookupImport(List<PathSegment> path, SourceRange at)
    {
        EscValue? value = EscValue.Object(_importsByName, null);
        foreach (var segment in path.Skip(1))
        {
            value = value.Access(segment) ?? Missing(at, segment);
            if (value is null || value.Unknown)
            {
                return value;
            }
        }

        return value;
    }

    private EscValue? Missing(SourceRange at, PathSegment segment)
    {
        Report(at, $"unknown property \"{segment}\"");
        return null;
    }
}
