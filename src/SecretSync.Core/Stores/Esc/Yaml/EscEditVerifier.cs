namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// Reads an edited definition back and checks that every edit landed exactly, so a splicing bug can never send
/// a corrupted definition (or a silently altered secret) to ESC.
/// </summary>
internal static class EscEditVerifier
{
    public static void Verify(string text, IReadOnlyList<EscEdit> edits, SortedDictionary<string, string> owned)
    {
        YamlSourceDocument document;
        try
        {
            document = YamlSourceDocument.Parse(text);
        }
        catch (EscDefinitionException ex)
        {
            // The inner exception is deliberately dropped: the text now holds plaintext secrets and a parser
            // message may quote it.
            throw Failure($"it does not parse (line {ex.Line}, column {ex.Column})");
        }

        var values = document.Root?.FindMapping(EscOwnership.ValuesKey);
        var variables = values?.FindMapping(EscEnvironmentKeys.EnvironmentVariables);
        var setPaths = new HashSet<EscSecretPath>(edits.Where(e => e.Kind == EscEditKind.SetSecret).Select(e => e.Path));
        foreach (var edit in edits)
        {
            var node = values?.FindMapping(edit.Path.Service)?.Find(edit.Path.Key)?.Value;
            if (edit.Kind == EscEditKind.SetSecret)
            {
                if (node is null || EscSecretEncoding.TryReadPlaintext(node) != edit.Value
                    || variables?.Find(edit.Name)?.Value.ScalarValue != edit.Path.Reference)
                {
                    throw Failure($"secret '{edit.Name}' does not read back as written");
                }
            }
            else if (node is not null && !setPaths.Contains(edit.Path))
            {
                throw Failure($"secret '{edit.Name}' is still present");
            }
        }

        if (!EscOwnership.AreEqual(EscOwnership.Read(document), owned))
        {
            throw Failure("the ownership record does not read back as written");
        }
    }

    private static EscDefinitionException Failure(string what) =>
        new(0, 0, $"internal error: the edited definition is wrong ({what}); nothing was written. Please report this.");
}
