using SecretSync.Emulator.Esc.Eval;
using SecretSync.Emulator.Esc.Yaml;

namespace SecretSync.Emulator.Esc;

/// <summary>Parses and evaluates a definition within an organization, resolving imports against the store.</summary>
internal sealed class EscEvaluation
{
    private readonly EscStore _store;

    public EscEvaluation(EscStore store)
    {
        _store = store;
    }

    /// <summary>Evaluates <paramref name="yaml"/>; the result is null when there are errors (see <paramref name="diagnostics"/>).</summary>
    public EscValue? Evaluate(string org, string label, string yaml, SecretMode mode, List<Diagnostic> diagnostics) =>
        Evaluate(org, label, yaml, mode, diagnostics, [label], out _);

    /// <summary>Like <see cref="Evaluate(string, string, string, SecretMode, List{Diagnostic})"/>, also returning the syntax tree (for saving).</summary>
    public EscValue? Evaluate(string org, string label, string yaml, SecretMode mode, List<Diagnostic> diagnostics, out SyntaxNode? root) =>
        Evaluate(org, label, yaml, mode, diagnostics, [label], out root);

    public static bool HasErrors(List<Diagnostic> diagnostics) => diagnostics.Any(d => !d.IsWarning);

    private EscValue? Evaluate(
        string org, string label, string yaml, SecretMode mode, List<Diagnostic> diagnostics, HashSet<string> importing, out SyntaxNode? root)
    {
        root = SyntaxReader.Read(yaml, label, diagnostics);
        if (HasErrors(diagnostics))
        {
            return null;
        }

        var value = EscEvaluator.Evaluate(root, mode, (name, range) => Import(org, name, range, mode, diagnostics, importing), diagnostics);
        return HasErrors(diagnostics) ? null : value;
    }

    private EscValue? Import(string org, string name, SourceRange range, SecretMode mode, List<Diagnostic> diagnostics, HashSet<string> importing)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var (project, env) = slash < 0 ? ("default", name) : (name[..slash], name[(slash + 1)..]);
        var label = $"{project}/{env}";
        var revision = _store.FindRevision(org, project, env, "latest");
        if (revision is null)
        {
            diagnostics.Add(new Diagnostic(range, $"unknown environment \"{name}\""));
            return null;
        }

        if (!importing.Add(label))
        {
            diagnostics.Add(new Diagnostic(range, $"cyclic import of \"{name}\""));
            return null;
        }

        try
        {
            // esc evaluateImport extends the importer's diagnostics with the imported environment's own, as they are.
            var inner = new List<Diagnostic>();
            var value = Evaluate(org, label, revision.Yaml, mode, inner, importing, out _);
            diagnostics.AddRange(inner);
            return value;
        }
        finally
        {
            importing.Remove(label);
        }
    }
}
