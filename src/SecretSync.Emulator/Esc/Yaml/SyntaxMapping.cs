using System;
using System.Collections.Generic;

namespace SecretSync.Emulator.Esc.Yaml;

internal sealed class SyntaxMapping : SyntaxNode
{
    public SyntaxMapping(SourceRange range)
        : base(range)
    {
    }

    public List<KeyValuePair<SyntaxScalar, SyntaxNode>> Entries { get; } = [];

    /// <summary>The value of a key; with duplicate keys the last one wins, as in ESC.</summary>
    public SyntaxNode? Find(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Key.Value == key)
            {
                return Entries[i].Value;
            }
        }

        return null;
    }

    /// <summary>A single <c>fn::</c> key makes the mapping a builtin call.</summary>
    public string? BuiltinName =>
        Entries.Count == 1 && Entries[0].Key.Value.StartsWith("fn::", StringComparison.Ordinal) ? Entries[0].Key.Value : null;
}
