namespace SecretSync.Emulator.Esc.Eval;

/// <summary>Parses ESC property paths: <c>a.b["c.d"][0]</c>.</summary>
internal static class PropertyPath
{
    /// <summary>Parses a path from <paramref name="text"/> at <paramref name="pos"/>, stopping at <paramref name="stop"/> or the end.</summary>
    public static List<PathSegment>? TryParse(string text, ref int pos, char? stop, out string problem)
    {
        problem = string.Empty;
        var segments = new List<PathSegment>();
        var expectName = true;
        while (pos < text.Length && text[pos] != stop)
        {
            var c = text[pos];
            if (c == '[')
            {
                pos++;
                if (pos < text.Length && text[pos] == '"')
                {
                    if (ReadQuoted(text, ref pos) is not { } key)
                    {
                        problem = "invalid property access: unterminated string";
                        return null;
                    }

                    segments.Add(new PathSegment(key, null));
                }
                else
                {
                    var start = pos;
                    while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                    {
                        pos++;
                    }

                    if (start == pos)
                    {
                        problem = "invalid property access: expected an index or a quoted key";
                        return null;
                    }

                    segments.Add(new PathSegment(null, int.Parse(text.AsSpan(start, pos - start), CultureInfo.InvariantCulture)));
                }

                if (pos >= text.Length || text[pos] != ']')
                {
                    problem = "invalid property access: missing closing bracket";
                    return null;
                }

                pos++;
                expectName = false;
                continue;
            }

            if (c == '.')
            {
                if (segments.Count == 0)
                {
                    problem = "invalid property access: unexpected '.'";
                    return null;
                }

                pos++;
                expectName = true;
            }
            else if (!expectName)
            {
                problem = "invalid property access: expected '.' or '['";
                return null;
            }

            var nameStart = pos;
            while (pos < text.Length && text[pos] != '.' && text[pos] != '[' && text[pos] != stop)
            {
                pos++;
            }

            if (nameStart == pos)
            {
                problem = "invalid property access: empty property name";
                return null;
            }

            segments.Add(new PathSegment(text[nameStart..pos], null));
            expectName = false;
        }

        if (segments.Count == 0)
        {
            problem = "invalid property access: empty path";
            return null;
        }

        return segments;
    }

    private static string? ReadQuoted(string text, ref int pos)
    {
        var builder = new StringBuilder();
        pos++;
        while (pos < text.Length)
        {
            var c = text[pos++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\' && pos < text.Length)
            {
                c = text[pos++];
            }

            builder.Append(c);
        }

        return null;
    }
}
