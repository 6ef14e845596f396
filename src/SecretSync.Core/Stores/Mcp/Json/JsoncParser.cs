namespace SecretSync.Core.Stores.Mcp.Json;

/// <summary>
/// A small JSONC parser (comments, trailing commas, BOM) that records the exact source span of every value.
/// Newtonsoft's JsonTextReader and System.Text.Json's reader were not used: JsonTextReader exposes only line and
/// position of a token's end and hands back decoded strings, so the source span of a string token and the
/// decoded-to-source offset map needed to splice a secret out of <c>"Bearer \u0041..."</c> cannot be recovered
/// from it; Utf8JsonReader gives byte spans but is not part of netstandard2.0 without another package.
/// </summary>
internal sealed class JsoncParser
{
    private const int MaxDepth = 256;

    private readonly string _text;
    private readonly string _filePath;
    private int _pos;
    private int _depth;

    private JsoncParser(string text, string filePath)
    {
        _text = text;
        _filePath = filePath;
        _pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="McpConfigParseException"/> at the first error.</summary>
    public static JsonNode Parse(string text, string filePath)
    {
        var parser = new JsoncParser(text, filePath);
        parser.SkipTrivia();
        if (parser._pos >= text.Length)
        {
            throw parser.Fail(parser._pos, "The file is empty; an MCP config must be a JSON object.");
        }

        var root = parser.ParseValue(string.Empty);
        parser.SkipTrivia();
        if (parser._pos < text.Length)
        {
            throw parser.Fail(parser._pos, "Unexpected text after the end of the top-level value.");
        }

        return root;
    }

    private JsonNode ParseValue(string pointer)
    {
        if (_pos >= _text.Length)
        {
            throw Fail(_pos, "Unexpected end of file; expected a value.");
        }

        var c = _text[_pos];
        return c switch
        {
            '{' => ParseObject(pointer),
            '[' => ParseArray(pointer),
            '"' => ParseString(pointer),
            _ when c == '-' || (c >= '0' && c <= '9') => ParseNumber(pointer),
            _ => ParseKeyword(pointer),
        };
    }

    private JsonObjectNode ParseObject(string pointer)
    {
        var start = _pos;
        Enter(start);
        _pos++;
        var members = new List<JsonMember>();
        int? trailingComma = null;
        SkipTrivia();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Fail(start, "This object is never closed; expected '}'.");
            }

            if (_text[_pos] == '}')
            {
                break;
            }

            if (_text[_pos] != '"')
            {
                throw Fail(_pos, Unexpected("a property name in double quotes or '}'"));
            }

            var key = ParseString(pointer);
            SkipTrivia();
            Expect(':', "':' after the property name");
            SkipTrivia();
            var value = ParseValue(JsonPointer.Append(pointer, key.Value));
            members.Add(new JsonMember(key, value));
            trailingComma = SkipSeparator('}', "the property value");
        }

        _pos++;
        _depth--;
        return new JsonObjectNode(start, _pos, pointer, members, trailingComma);
    }

    private JsonArrayNode ParseArray(string pointer)
    {
        var start = _pos;
        Enter(start);
        _pos++;
        var items = new List<JsonNode>();
        int? trailingComma = null;
        SkipTrivia();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Fail(start, "This array is never closed; expected ']'.");
            }

            if (_text[_pos] == ']')
            {
                break;
            }

            items.Add(ParseValue(JsonPointer.Append(pointer, items.Count)));
            trailingComma = SkipSeparator(']', "the array element");
        }

        _pos++;
        _depth--;
        return new JsonArrayNode(start, _pos, pointer, items, trailingComma);
    }

    /// <summary>
    /// After an element: a comma (its offset is returned, so a trailing comma's style can be kept) or the closing
    /// <paramref name="close"/>, which is left for the caller.
    /// </summary>
    private int? SkipSeparator(char close, string after)
    {
        SkipTrivia();
        if (_pos < _text.Length && _text[_pos] == ',')
        {
            var comma = _pos;
            _pos++;
            SkipTrivia();
            return comma;
        }

        if (_pos < _text.Length && _text[_pos] != close)
        {
            throw Fail(_pos, Unexpected($"',' or '{close}' after {after}"));
        }

        return null;
    }

    private JsonStringNode ParseString(string pointer)
    {
        var start = _pos;
        _pos++;
        var contentStart = _pos;
        while (_pos < _text.Length && _text[_pos] != '"' && _text[_pos] != '\\' && _text[_pos] >= ' ')
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == '"')
        {
            _pos++;
            return new JsonStringNode(start, _pos, pointer, _text.Substring(contentStart, _pos - 1 - contentStart), null);
        }

        _pos = contentStart;
        return ParseEscapedString(start, pointer);
    }

    private JsonStringNode ParseEscapedString(int start, string pointer)
    {
        var value = new StringBuilder();
        var offsets = new List<int>();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Fail(start, "This string is never closed; expected '\"'.");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                offsets.Add(_pos);
                _pos++;
                return new JsonStringNode(start, _pos, pointer, value.ToString(), offsets.ToArray());
            }

            if (c < ' ')
            {
                throw Fail(_pos, "A control character (such as a line break) inside a string must be escaped, e.g. \\n.");
            }

            offsets.Add(_pos);
            if (c != '\\')
            {
                value.Append(c);
                _pos++;
                continue;
            }

            value.Append(ReadEscape());
        }
    }

    private char ReadEscape()
    {
        var escapeStart = _pos;
        _pos++;
        if (_pos >= _text.Length)
        {
            throw Fail(escapeStart, "Unexpected end of file inside an escape sequence.");
        }

        var e = _text[_pos++];
        switch (e)
        {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (_pos + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    _pos += 4;
                    return (char)code;
                }

                throw Fail(escapeStart, "Invalid \\u escape; it needs four hexadecimal digits.");
            default:
                throw Fail(escapeStart, "Invalid escape sequence; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.");
        }
    }

    private JsonLiteralNode ParseNumber(string pointer)
    {
        var start = _pos;
        while (_pos < _text.Length && IsNumberChar(_text[_pos]))
        {
            _pos++;
        }

        var raw = _text.Substring(start, _pos - start);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw Fail(start, "Invalid number.");
        }

        return new JsonLiteralNode(start, _pos, pointer, raw);
    }

    private JsonLiteralNode ParseKeyword(string pointer)
    {
        var start = _pos;
        foreach (var keyword in new[] { "true", "false", "null" })
        {
            if (string.CompareOrdinal(_text, start, keyword, 0, keyword.Length) == 0
                && (start + keyword.Length >= _text.Length || !char.IsLetterOrDigit(_text[start + keyword.Length])))
            {
                _pos += keyword.Length;
                return new JsonLiteralNode(start, _pos, pointer, keyword);
            }
        }

        throw Fail(start, Unexpected("a value (object, array, string in double quotes, number, true, false or null)"));
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Fail(_pos, "This /* comment is never closed; expected '*/'.");
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Expect(char expected, string what)
    {
        if (_pos >= _text.Length || _text[_pos] != expected)
        {
            throw Fail(_pos, Unexpected(what));
        }

        _pos++;
    }

    private void Enter(int offset)
    {
        if (++_depth > MaxDepth)
        {
            throw Fail(offset, $"Nesting deeper than {MaxDepth} levels is not supported.");
        }
    }

    private string Unexpected(string expected) => JsoncErrors.Unexpected(_text, _pos, expected);

    private McpConfigParseException Fail(int offset, string problem) => JsoncErrors.At(_text, _filePath, offset, problem);

    private static bool IsNumberChar(char c) =>
        (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}
