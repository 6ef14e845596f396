namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// Applies <see cref="EscEdit"/>s to the text of an ESC environment definition (as returned by GET, ciphertext
/// and all) and returns the new text for one PATCH. Pure: the same text and edits always give the same result,
/// so after a 409 the caller can re-read and re-apply.
/// </summary>
/// <remarks>
/// Minimal edits: comments, key order, imports, quoting and untouched secrets stay byte-identical; new keys
/// follow the document's indentation and line endings. A flow mapping that must change (<c>values: {...}</c>) is
/// rewritten in block style, that node only. New secrets are written in block style; a replaced value keeps the
/// style of the value it replaces (block stays block, a value on its key's line becomes <c>{fn::secret: "..."}</c>).
/// The ownership record (<c>values.secretSync.managedKeys</c>, see <see cref="EscOwnership"/>) is updated to match.
/// Before returning, the result is parsed again and every edit is checked to read back exactly.
/// </remarks>
public static class EscDefinitionEditor
{
    /// <summary>Returns <paramref name="definition"/> with <paramref name="edits"/> applied (unchanged text if they change nothing).</summary>
    public static string Apply(string definition, IEnumerable<EscEdit> edits)
    {
        if (definition is null)
        {
            throw new ArgumentNullException(nameof(definition));
        }

        var list = (edits ?? throw new ArgumentNullException(nameof(edits))).ToList();
        CheckNoConflicts(list);
        if (list.Count == 0)
        {
            return definition;
        }

        return Apply(YamlSourceDocument.Parse(definition), list);
    }

    /// <summary>As the public overload, for a caller that has parsed the definition already.</summary>
    internal static string Apply(YamlSourceDocument document, List<EscEdit> list)
    {
        var owned = EscOwnership.Read(document);
        var newOwned = UpdatedOwnership(owned, list);
        var plan = BuildPlan(list, owned, newOwned);
        var result = YamlMapEditor.Apply(document, plan);
        EscEditVerifier.Verify(result, list, newOwned);
        return result;
    }

    private static void CheckNoConflicts(List<EscEdit> edits)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edit in edits)
        {
            if (edit is null)
            {
                throw new ArgumentException("Edits must not contain null.", nameof(edits));
            }

            var kind = edit.Kind + ":";
            if (!names.Add(kind + edit.Name) || !paths.Add(kind + edit.Path))
            {
                throw new ArgumentException($"Secret '{edit.Name}' ({edit.Path}) appears twice in one {edit.Kind} batch.", nameof(edits));
            }
        }
    }

    private static SortedDictionary<string, string> UpdatedOwnership(SortedDictionary<string, string> owned, List<EscEdit> edits)
    {
        var result = new SortedDictionary<string, string>(owned, StringComparer.Ordinal);
        foreach (var edit in edits.Where(e => e.Kind == EscEditKind.RemoveSecret))
        {
            result.Remove(edit.Name);
        }

        foreach (var edit in edits.Where(e => e.Kind == EscEditKind.SetSecret))
        {
            result[edit.Name] = edit.Path.ToString();
        }

        return result;
    }

    private static YamlMapEditPlan BuildPlan(List<EscEdit> edits, SortedDictionary<string, string> owned, SortedDictionary<string, string> newOwned)
    {
        var root = new YamlMapEditPlan(string.Empty);
        var values = root.Child(EscOwnership.ValuesKey);
        var sets = edits.Where(e => e.Kind == EscEditKind.SetSecret).ToList();
        var setPaths = new HashSet<EscSecretPath>(sets.Select(e => e.Path));
        var setNames = new HashSet<string>(sets.Select(e => e.Name), StringComparer.Ordinal);

        // Service maps first (sorted, so new ones appear in a stable order), then environmentVariables, then the record.
        foreach (var edit in edits.OrderBy(e => e.Path.ToString(), StringComparer.Ordinal))
        {
            var service = values.Child(edit.Path.Service);
            service.InsertBefore = EscEnvironmentKeys.EnvironmentVariables;
            if (edit.Kind == EscEditKind.SetSecret)
            {
                service.Sets[edit.Path.Key] = EscSecretEncoding.ToNode(edit.Value!);
            }
            else if (!setPaths.Contains(edit.Path))
            {
                service.Removes[edit.Path.Key] = null;
            }
        }

        var variables = values.Child(EscEnvironmentKeys.EnvironmentVariables);
        foreach (var edit in edits)
        {
            if (edit.Kind == EscEditKind.SetSecret)
            {
                variables.Sets[edit.Name] = YamlOutNode.Scalar(edit.Path.Reference);
            }
            else if (!setNames.Contains(edit.Name))
            {
                // Only a variable that still points at the secret is ours to remove.
                variables.Removes[edit.Name] = edit.Path.Reference;
            }
        }

        if (!EscOwnership.AreEqual(owned, newOwned))
        {
            var record = values.Child(EscOwnership.SectionKey);
            record.HeadComment = EscOwnership.HeadComment;
            if (newOwned.Count > 0)
            {
                record.Sets[EscOwnership.ManagedKeysKey] = EscOwnership.ToNode(newOwned);
            }
            else
            {
                record.Removes[EscOwnership.ManagedKeysKey] = null;
            }
        }

        return root;
    }
}
