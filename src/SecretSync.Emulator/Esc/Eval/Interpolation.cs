namespace SecretSync.Emulator.Esc.Eval;

/// <summary>
/// The string scanner of pulumi/esc ast/interpolation.go (reference §6.2): <c>$$</c> → <c>$</c>, <c>${path}</c> → an
/// access, every other character (a lone <c>$</c> included) copied as is.
/// </summary>
internal static class Interpolation
{
    public static List<InterpolationPart>? TryParse(string text, out string problem)
    {
        problem = string.Empty;
        var parts = new List<InterpolationPart>();
        var literal = new StringBuilder();
        var pos = 0;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '$' && pos + 1 < text.Length && text[pos + 1] == '$')
            {
                literal.Append('$');
                pos += 2;
                continue;
            }

            if (c == '$' && pos + 1 < text.Length && text[pos + 1] == '{')
            {
                if (literal.Length > 0)
                {
                    parts.Add(new InterpolationPart(literal.ToString(), null));
                    literal.Clear();
                }

                pos += 2;
                var access = PropertyPath.TryParse(text, ref pos, '}', out problem);
                if (access is null)
                {
                    return null;
                }

                if (pos >= text.Length)
                {
                    problem = "missing closing brace '}' in property access";
                    return null;
                }

                pos++;
                parts.Add(new InterpolationPart(null, access));
                continue;
            }

            literal.Append(c);
            pos++;
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new InterpolationPart(literal.ToString(), null));
        }

        return parts;
    }
}
