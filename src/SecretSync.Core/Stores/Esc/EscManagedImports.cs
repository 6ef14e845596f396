using SecretSync.Core.Stores.Esc.Yaml;

namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// The imports SecretSync added to an environment, recorded beside its other bookkeeping as
/// <c>values.secretSync.managedImports: "project/env,..."</c> (import names hold no comma). Only a recorded import is
/// ever removed (when secretsync.json no longer asks for it); one a person wrote stays, even if it is the same name.
/// </summary>
internal static class EscManagedImports
{
    public const string Key = "managedImports";

    /// <summary>The recorded imports of <paramref name="definition"/>.</summary>
    public static IReadOnlyList<string> Read(string definition)
    {
        var value = YamlSourceDocument.Parse(definition).Root?.FindMapping(EscOwnership.ValuesKey)?.FindMapping(EscOwnership.SectionKey)?.Find(Key)?.Value;
        return value is { Kind: YamlSourceKind.Scalar, IsNull: false }
            ? value.ScalarValue!.Split([','], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToList()
            : [];
    }

    /// <summary><paramref name="definition"/> with the record set to <paramref name="imports"/> (removed when empty); the same text when it already says so.</summary>
    public static string Write(string definition, IReadOnlyList<string> imports)
    {
        if (Read(definition).SequenceEqual(imports))
        {
            return definition;
        }

        var root = new YamlMapEditPlan(string.Empty);
        var section = root.Child(EscOwnership.ValuesKey).Child(EscOwnership.SectionKey);
        section.InsertBefore = EscEnvironmentKeys.EnvironmentVariables;
        if (imports.Count > 0)
        {
            section.Sets[Key] = YamlOutNode.Scalar(YamlScalarText.DoubleQuoted(string.Join(",", imports)));
        }
        else
        {
            section.Removes[Key] = null;
        }

        var result = YamlMapEditor.Apply(YamlSourceDocument.Parse(definition), root);
        if (!Read(result).SequenceEqual(imports))
        {
            throw new EscDefinitionException(0, 0, "internal error: the record of the imports SecretSync added does not read back as written; nothing was written. Please report this.");
        }

        return result;
    }
}
