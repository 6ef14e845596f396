using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// SecretSync's own secret entries under <c>values.secretSync</c> (beside the ownership record), e.g. the ledger of
/// GitHub pushes. They are secrets in ESC, never exported as environment variables, and never collected as secrets.
/// </summary>
internal static class EscBookkeeping
{
    /// <summary>Key of the GitHub push ledger: <c>values.secretSync.githubPushes</c>.</summary>
    public const string GitHubPushesKey = "githubPushes";

    /// <summary>The evaluated path of a bookkeeping entry, for <see cref="EscEvaluatedEnvironment.Find"/>.</summary>
    public static string PathOf(string key) => EscOwnership.SectionKey + "." + key;

    /// <summary>Returns <paramref name="definition"/> with <c>values.secretSync.&lt;key&gt;</c> set to a secret holding <paramref name="value"/>.</summary>
    public static string SetSecret(string definition, string key, string value)
    {
        var document = YamlSourceDocument.Parse(definition);
        var root = new YamlMapEditPlan(string.Empty);
        var section = root.Child(EscOwnership.ValuesKey).Child(EscOwnership.SectionKey);
        section.InsertBefore = EscEnvironmentKeys.EnvironmentVariables;
        section.Sets[key] = EscSecretEncoding.ToNode(value);
        var result = YamlMapEditor.Apply(document, root);

        var written = YamlSourceDocument.Parse(result).Root?.FindMapping(EscOwnership.ValuesKey)?.FindMapping(EscOwnership.SectionKey)?.Find(key)?.Value;
        if (written is null || EscSecretEncoding.TryReadPlaintext(written) != value || !EscOwnership.AreEqual(EscOwnership.Read(document), EscOwnership.Read(YamlSourceDocument.Parse(result))))
        {
            throw new EscDefinitionException(0, 0, $"internal error: the SecretSync entry '{key}' does not read back as written; nothing was written. Please report this.");
        }

        return result;
    }
}
