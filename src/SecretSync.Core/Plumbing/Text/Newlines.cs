namespace SecretSync.Core.Plumbing.Text;

/// <summary>
/// The one newline rule of the files SecretSync edits: a text's line ending is that of its first line break
/// (CRLF, LF or a lone CR), LF when it has none. Lines an edit adds use it, so a file keeps the ending it has.
/// </summary>
internal static class Newlines
{
    /// <summary>The line ending of <paramref name="text"/>'s first line break; LF when there is none.</summary>
    public static string Of(string text)
    {
        var i = text.IndexOfAny(['\r', '\n']);
        if (i < 0 || text[i] == '\n')
        {
            return "\n";
        }

        return i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : "\r";
    }

    /// <summary><paramref name="lfText"/> (LF line ends) with <paramref name="newline"/> instead.</summary>
    public static string Use(string lfText, string newline) =>
        newline == "\n" || lfText.IndexOf('\n') < 0 ? lfText : lfText.Replace("\n", newline);

    /// <summary>True when the character at <paramref name="index"/> ends a line (the LF of a CRLF does, its CR does not).</summary>
    public static bool EndsLineAt(string text, int index)
    {
        var c = text[index];
        return c == '\n' || (c == '\r' && (index + 1 >= text.Length || text[index + 1] != '\n'));
    }
}
