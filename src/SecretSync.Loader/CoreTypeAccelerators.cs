using System.Management.Automation;
using System.Reflection;

namespace SecretSync.Loader;

/// <summary>
/// Makes the Core types a script builds pipeline input with (and the statuses it filters on) reachable by their full names in PowerShell
/// (<c>[SecretSync.Core.Records.Secrets.SecretRecord]::new(...)</c>). Other Core types are reached through one of
/// these (<c>[SecretSync.Core.Records.Secrets.SecretRecord].Assembly.GetType(...)</c>); listing every public type
/// costs a seventh of the import time. The names these types had before Core's folders were grouped (issue 16)
/// stay registered too, so scripts written against 0.1 keep working.
/// </summary>
/// <remarks>
/// PowerShell resolves type literals only in assemblies of the default load context, and Core lives in the
/// module's private one. PowerShell has no public API for this, so this uses the TypeAccelerators table through
/// reflection, as modules that load into a private context commonly do; a full name cannot shadow a built-in
/// accelerator. If the table is not found (a future PowerShell), type literals of Core are simply unavailable.
/// </remarks>
internal static class CoreTypeAccelerators
{
    private static readonly Type? s_table =
        typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");

    // Accelerator name -> full name of the Core type it stands for.
    private static readonly (string Name, string Type)[] s_names =
    [
        ("SecretSync.Core.Records.Secrets.SecretRecord", "SecretSync.Core.Records.Secrets.SecretRecord"),
        ("SecretSync.Core.Records.Secrets.SecretSource", "SecretSync.Core.Records.Secrets.SecretSource"),
        ("SecretSync.Core.Planning.Sync.SyncResult", "SecretSync.Core.Planning.Sync.SyncResult"),
        ("SecretSync.Core.Checks.Drift.DriftStatus", "SecretSync.Core.Checks.Drift.DriftStatus"),
        ("SecretSync.Core.Secrets.SecretRecord", "SecretSync.Core.Records.Secrets.SecretRecord"),
        ("SecretSync.Core.Secrets.SecretSource", "SecretSync.Core.Records.Secrets.SecretSource"),
        ("SecretSync.Core.Sync.SyncResult", "SecretSync.Core.Planning.Sync.SyncResult"),
        ("SecretSync.Core.Drift.DriftStatus", "SecretSync.Core.Checks.Drift.DriftStatus"),
    ];

    private static readonly List<string> s_added = new();

    public static void Register(Assembly core)
    {
        var add = s_table?.GetMethod("Add", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(Type) }, null);
        if (add is null)
        {
            return;
        }

        lock (s_added)
        {
            if (s_added.Count > 0)
            {
                return;
            }

            foreach (var (name, typeName) in s_names)
            {
                if (core.GetType(typeName) is { } type)
                {
                    add.Invoke(null, new object[] { name, type });
                    s_added.Add(name);
                }
            }
        }
    }

    public static void Unregister()
    {
        var remove = s_table?.GetMethod("Remove", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
        if (remove is null)
        {
            return;
        }

        lock (s_added)
        {
            foreach (var name in s_added)
            {
                remove.Invoke(null, new object[] { name });
            }

            s_added.Clear();
        }
    }
}
