using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Planning.Sync;

/// <summary>
/// Plans a whole sync into one ESC environment as one revision. Pure: a function of (definition text, evaluated
/// environment, desired secrets, prune flag), so after a 409 the caller re-reads both and plans again.
/// </summary>
/// <remarks>
/// Caller's sequence: GET the definition (not /decrypt, so untouched ciphertext is sent back as is) with its ETag;
/// POST that text to <c>/{org}/yaml/check?showSecrets=true</c> and <see cref="EscEvaluatedEnvironment.Parse"/> the
/// response; call <see cref="Plan"/>; if <see cref="EscSyncPlan.HasChanges"/>, PATCH
/// <see cref="EscSyncPlan.NewDefinition"/> with header <c>ETag</c>. A secret that is already right but was written
/// by hand is reported Unchanged with WasOwned=false and is not adopted: ownership records what SecretSync wrote,
/// and adopting it would cost a revision when nothing changed.
/// </remarks>
internal static class EscSyncPlanner
{
    /// <summary>Compares desired secrets with the definition and its evaluation; returns outcomes, edits and new text.</summary>
    public static EscSyncPlan Plan(string definition, EscEvaluatedEnvironment evaluated, IEnumerable<EscDesiredSecret> desired, bool prune)
    {
        if (definition is null || evaluated is null || desired is null)
        {
            throw new ArgumentNullException(definition is null ? nameof(definition) : evaluated is null ? nameof(evaluated) : nameof(desired));
        }

        var secrets = desired.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        CheckUnique(secrets);
        var document = YamlSourceDocument.Parse(definition);
        var owned = EscOwnership.Read(document);
        var values = document.Root?.FindMapping(EscOwnership.ValuesKey);
        var variables = values?.FindMapping(EscEnvironmentKeys.EnvironmentVariables);
        var outcomes = new List<EscPlannedSecret>();
        var edits = new List<EscEdit>();

        foreach (var secret in secrets)
        {
            if (secret.KeepsCurrent)
            {
                continue;
            }

            var valueEntry = values?.FindMapping(secret.Path.Service)?.Find(secret.Path.Key);
            var variableEntry = variables?.Find(secret.Name);
            var wasOwned = owned.TryGetValue(secret.Name, out var ownedPath);
            var movedFrom = wasOwned && ownedPath != secret.Path.ToString() ? TryParsePath(ownedPath!) : null;
            var evaluatedValue = evaluated.Find(secret.Path.ToString());
            var unchanged = valueEntry is not null && movedFrom is null
                && variableEntry?.Value.ScalarValue == secret.Path.Reference
                && evaluatedValue is { IsSecret: true, IsUnknown: false } && evaluatedValue.StringValue == secret.Value;
            if (unchanged)
            {
                outcomes.Add(new EscPlannedSecret(secret.Name, secret.Path, EscSyncAction.Unchanged, wasOwned));
                continue;
            }

            if (movedFrom is not null)
            {
                // The naming rules moved this secret: the old key is ours, so it goes.
                edits.Add(EscEdit.RemoveSecret(secret.Name, movedFrom.ToString()));
            }

            var action = valueEntry is null && variableEntry is null && movedFrom is null ? EscSyncAction.Added : EscSyncAction.Updated;
            outcomes.Add(new EscPlannedSecret(secret.Name, secret.Path, action, wasOwned));
            edits.Add(EscEdit.SetSecret(secret.Name, secret.Path.ToString(), secret.Value));
        }

        if (prune)
        {
            var names = new HashSet<string>(secrets.Select(s => s.Name), StringComparer.Ordinal);
            foreach (var pair in owned.Where(p => !names.Contains(p.Key)))
            {
                var path = TryParsePath(pair.Value);
                if (path is not null && IsValidName(pair.Key))
                {
                    outcomes.Add(new EscPlannedSecret(pair.Key, path, EscSyncAction.Removed, true));
                    edits.Add(EscEdit.RemoveSecret(pair.Key, path.ToString()));
                }
            }
        }

        var newDefinition = edits.Count == 0 ? null : EscDefinitionEditor.Apply(document, edits);
        return new EscSyncPlan(outcomes, edits, newDefinition == definition ? null : newDefinition);
    }

    private static void CheckUnique(List<EscDesiredSecret> secrets)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<EscSecretPath>();
        foreach (var secret in secrets)
        {
            if (!names.Add(secret.Name) || !paths.Add(secret.Path))
            {
                throw new ArgumentException($"Secret '{secret.Name}' ({secret.Path}) collides with another secret's name or ESC path.", nameof(secrets));
            }
        }
    }

    /// <summary>A recorded path that is no longer valid (edited by hand) is left alone rather than guessed at.</summary>
    private static EscSecretPath? TryParsePath(string path)
    {
        try
        {
            return EscSecretPath.Parse(path);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidName(string name)
    {
        try
        {
            EscSecretPath.ValidateName(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
