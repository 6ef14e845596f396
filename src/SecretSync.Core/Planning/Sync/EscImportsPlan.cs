using SecretSync.Core.Stores.Esc;

namespace SecretSync.Core.Planning.Sync;

/// <summary>The imports an environment must hold, added to a sync plan in the same revision (see <see cref="EscSyncService"/>).</summary>
internal sealed class EscImportsPlan(IReadOnlyList<string> imports, bool manageImports, ISyncReporter reporter)
{
    /// <summary>The plan with every required import in its new definition (a plan of its own when only the imports change).</summary>
    public EscSyncPlan Apply(string definition, EscSyncPlan plan)
    {
        var planned = plan.NewDefinition ?? definition;
        var text = planned;
        var managed = manageImports ? EscManagedImports.Read(text) : [];
        foreach (var stale in managed.Where(m => !imports.Contains(m)))
        {
            reporter.Verbose($"Removing the import {stale} that SecretSync added and secretsync.json no longer asks for.");
            text = EscImportsEditor.Remove(text, stale);
        }

        var added = new List<string>();
        foreach (var import in imports)
        {
            if (!EscImportsEditor.Imports(text, import))
            {
                added.Add(import);
            }

            text = EscImportsEditor.Ensure(text, import);
        }

        if (manageImports)
        {
            // Ours: what we add now, and what we added before and still want; an import a person wrote is never recorded.
            text = EscManagedImports.Write(text, imports.Where(i => added.Contains(i) || managed.Contains(i)).ToList());
        }

        return text == planned ? plan : new EscSyncPlan(plan.Secrets, plan.Edits, text == definition ? null : text);
    }
}
