namespace SecretSync.Core.Stores.Esc.Yaml;

/// <summary>
/// Applies a <see cref="YamlMapEditPlan"/> to YAML text by splicing: only the entries the plan touches change,
/// everything else (comments, order, quoting, untouched ciphertext) stays byte-identical. Flow mappings the plan
/// must edit are first rewritten in block style (that one node only; comments inside it are lost).
/// </summary>
internal static class YamlMapEditor
{
    public static string Apply(YamlSourceDocument document, YamlMapEditPlan plan)
    {
        while (true)
        {
            var flow = FindFlowToConvert(plan, document.Root, null);
            if (flow is null)
            {
                break;
            }

            document = YamlSourceDocument.Parse(YamlFlowConverter.ToBlock(document, flow.Value.Node, flow.Value.Entry));
        }

        // A splice's priority is its mapping's depth: at one position, a deeper mapping's new keys come first (they end it).
        var splices = new TextSplices();
        new Emitter(document, splices).EmitRoot(plan);
        try
        {
            return splices.Count == 0 ? document.Text : splices.ApplyTo(document.Text);
        }
        catch (InvalidOperationException ex)
        {
            throw new EscDefinitionException(0, 0, "internal error: overlapping edits of the definition; nothing was written", ex);
        }
    }

    /// <summary>The outermost flow mapping the plan has to change, with the entry holding it (null for the root).</summary>
    private static (YamlSourceNode Node, YamlSourceEntry? Entry)? FindFlowToConvert(YamlMapEditPlan plan, YamlSourceNode? map, YamlSourceEntry? entry)
    {
        if (map is not { Kind: YamlSourceKind.Mapping })
        {
            return null;
        }

        if (map.IsFlow)
        {
            return NeedsEdit(plan, map) ? (map, entry) : null;
        }

        foreach (var child in plan.Children)
        {
            var childEntry = map.Find(child.Key);
            if (childEntry is not null)
            {
                var found = FindFlowToConvert(child.Value, childEntry.Value, childEntry);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static bool NeedsEdit(YamlMapEditPlan plan, YamlSourceNode map)
    {
        if (plan.Sets.Count > 0)
        {
            return true;
        }

        foreach (var entry in map.Entries)
        {
            if (plan.RemovesEntry(entry))
            {
                return true;
            }
        }

        foreach (var child in plan.Children)
        {
            var value = map.Find(child.Key)?.Value;
            if (value is { Kind: YamlSourceKind.Mapping } ? NeedsEdit(child.Value, value) : child.Value.ToNewNode() is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Walks plan and document together and records the splices.</summary>
    private sealed class Emitter
    {
        private readonly YamlSourceDocument _document;
        private readonly TextSplices _splices;

        public Emitter(YamlSourceDocument document, TextSplices splices)
        {
            _document = document;
            _splices = splices;
        }

        private string Newline => _document.Newline;

        private int Step => _document.IndentStep;

        public void EmitRoot(YamlMapEditPlan plan)
        {
            var root = _document.Root;
            if (root is { Kind: YamlSourceKind.Mapping })
            {
                EmitMap(plan, root, 0);
                return;
            }

            if (root is not null && !root.IsNull)
            {
                throw Error(root.Start, "the top level of the definition must be a map");
            }

            var node = plan.ToNewNode();
            if (node is null)
            {
                return;
            }

            var builder = new StringBuilder();
            node.AppendBlockEntries(builder, 0, Step, Newline);
            if (root is null || root.Start == root.End)
            {
                Insert(_document.Text.Length, builder.ToString(), 0);
            }
            else
            {
                var prefix = _document.ColumnOf(root.Start) > 0 ? Newline : string.Empty;
                _splices.Replace(root.Start, root.End, prefix + TrimNewline(builder));
            }
        }

        private void EmitMap(YamlMapEditPlan plan, YamlSourceNode map, int depth)
        {
            var column = _document.ColumnOf(map.Entries[0].Key.Start);
            foreach (var entry in map.Entries)
            {
                if (plan.RemovesEntry(entry) || YamlMapEmptiness.ChildEmptied(plan, entry))
                {
                    RemoveEntry(entry);
                }
            }

            var added = new StringBuilder();
            foreach (var set in plan.Sets)
            {
                var entry = map.Find(set.Key);
                if (entry is null)
                {
                    YamlOutNode.AppendBlockEntry(added, set.Key, set.Value, column, Step, Newline);
                }
                else
                {
                    ReplaceValue(entry, set.Value, column);
                }
            }

            var addedBefore = new StringBuilder();
            YamlSourceEntry? before = null;
            foreach (var child in plan.Children)
            {
                var entry = map.Find(child.Key);
                if (entry is null)
                {
                    var node = child.Value.ToNewNode();
                    var sibling = child.Value.InsertBefore is null ? null : map.Find(child.Value.InsertBefore);
                    if (node is not null && sibling is not null && _document.StartsItsLine(sibling.Key.Start) && (before is null || before == sibling))
                    {
                        before = sibling;
                        YamlOutNode.AppendBlockEntry(addedBefore, child.Key, node, column, Step, Newline);
                    }
                    else if (node is not null)
                    {
                        YamlOutNode.AppendBlockEntry(added, child.Key, node, column, Step, Newline);
                    }
                }
                else if (entry.Value is { Kind: YamlSourceKind.Mapping, IsFlow: false })
                {
                    if (!YamlMapEmptiness.ChildEmptied(plan, entry))
                    {
                        EmitMap(child.Value, entry.Value, depth + 1);
                    }
                }
                else if (child.Value.ToNewNode() is { } node)
                {
                    if (!entry.Value.IsNull)
                    {
                        throw Error(entry.Value.Start, $"'{child.Value.Path}' is not a map; SecretSync will not overwrite it");
                    }

                    ReplaceValue(entry, node, column);
                }
            }

            Insert(_document.AfterLineOf(map.End), added.ToString(), depth);
            if (before is not null)
            {
                Insert(StartOfCommentsAbove(before.Key.Start), addedBefore.ToString(), depth);
            }
        }

        private void ReplaceValue(YamlSourceEntry entry, YamlOutNode node, int column)
        {
            var value = entry.Value;
            var onOwnLines = value.Kind is YamlSourceKind.Mapping or YamlSourceKind.Sequence && !value.IsFlow && _document.StartsItsLine(value.Start);
            var hasInlineText = !onOwnLines && value.Start != value.End;
            if (node.IsScalar)
            {
                if (hasInlineText)
                {
                    _splices.Replace(value.Start, value.End, node.ScalarText!);
                }
                else
                {
                    _splices.Replace(entry.AfterColon, value.End, " " + node.ScalarText);
                }

                return;
            }

            var builder = new StringBuilder();
            if (onOwnLines && _document.ColumnOf(value.Start) > column)
            {
                // Keep the existing nesting column and any comment between the key and its old value.
                var valueColumn = _document.ColumnOf(value.Start);
                node.AppendBlockEntries(builder, valueColumn, Step, Newline);
                _splices.Replace(value.Start, value.End, TrimNewline(builder).Substring(valueColumn));
            }
            else if (hasInlineText && !node.PreferBlock)
            {
                _splices.Replace(value.Start, value.End, node.ToFlow());
            }
            else
            {
                node.AppendBlockEntries(builder, column + Step, Step, Newline);
                _splices.Replace(entry.AfterColon, value.End, Newline + TrimNewline(builder));
            }
        }

        private void RemoveEntry(YamlSourceEntry entry)
        {
            if (!_document.StartsItsLine(entry.Key.Start))
            {
                throw Error(entry.Key.Start, $"cannot remove '{entry.Key.ScalarValue}': it does not start its own line");
            }

            _splices.Replace(_document.LineStartOf(entry.Key.Start), _document.AfterLineOf(entry.Value.End), string.Empty);
        }

        private void Insert(int index, string text, int depth)
        {
            if (text.Length == 0)
            {
                return;
            }

            var needsBreak = index == _document.Text.Length && index > 0 && _document.Text[index - 1] != '\n';
            _splices.Replace(index, index, needsBreak ? Newline + text : text, depth);
        }

        /// <summary>Start of the line at <paramref name="index"/>, moved up over full-line comments that introduce it.</summary>
        private int StartOfCommentsAbove(int index)
        {
            var lineStart = _document.LineStartOf(index);
            while (lineStart > 0)
            {
                var previous = _document.LineStartOf(lineStart - 1);
                var line = _document.Text.Substring(previous, lineStart - previous).TrimStart();
                if (!line.StartsWith("#", System.StringComparison.Ordinal))
                {
                    break;
                }

                lineStart = previous;
            }

            return lineStart;
        }

        private static string TrimNewline(StringBuilder builder) => builder.ToString().TrimEnd('\r', '\n');

        private EscDefinitionException Error(int index, string problem) =>
            new(_document.LineOf(index), _document.ColumnOf(index) + 1, problem);
    }
}
