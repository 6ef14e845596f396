namespace SecretSync.Core.DotEnv;

/// <summary>python-dotenv's regexes use Python's <c>\s</c>; these mirror it so both split lines alike.</summary>
internal static class PythonWhitespace
{
    /// <summary>Python's <c>str.isspace</c>: .NET's set plus U+001C..U+001F, which Python also counts.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');

    /// <summary>Python's <c>[^\S\r\n]</c>: whitespace that does not end a line.</summary>
    public static bool IsInlineSpace(char c) => c != '\n' && c != '\r' && IsSpace(c);

    public static bool IsLineBreak(char c) => c == '\n' || c == '\r';
}
