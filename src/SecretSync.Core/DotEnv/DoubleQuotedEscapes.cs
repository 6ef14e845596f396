using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DotNetEnv;

namespace SecretSync.Core.DotEnv;

/// <summary>
/// Decodes the escapes of double-quoted values with DotNetEnv, all values of a file in one parse.
/// python-dotenv decodes only <c>\\ \' \" \a \b \f \n \r \t \v</c>, which DotNetEnv decodes the same way; DotNetEnv
/// also decodes <c>\$ \? \` \x.. \u.. \U.. \NNN</c>, expands <c>$NAME</c> from the process environment and rejects
/// raw control characters, so every other backslash is doubled, every <c>$</c> and stray <c>"</c> escaped and control characters
/// handed over as <c>\uXXXX</c> first. The result is python-dotenv's, and no environment variable is read.
/// </summary>
internal static class DoubleQuotedEscapes
{
    private const string PythonEscapes = "\\'\"abfnrtv";

    // Sprache slows down on large documents (10,000 escaped values: ~490 ms as one document, ~360 ms as documents
    // of 32, measured warm), so values go in small documents. Values without a backslash never reach DotNetEnv.
    private const int ValuesPerDocument = 32;

    /// <summary>Decodes each raw value (text between the quotes, line breaks already \n), in order.</summary>
    public static IReadOnlyList<string> Decode(IReadOnlyList<string> rawValues)
    {
        // setEnvVars: false is DotNetEnv's NoEnvVars(): parse only, the process environment stays untouched.
        var options = new LoadOptions(setEnvVars: false, clobberExistingVars: false, onlyExactPath: true);
        var decoded = new List<string>(rawValues.Count);
        var document = new StringBuilder();
        for (int first = 0; first < rawValues.Count; first += ValuesPerDocument)
        {
            document.Clear();
            int last = Math.Min(first + ValuesPerDocument, rawValues.Count);
            for (int i = first; i < last; i++)
            {
                document.Append('K').Append(i.ToString(CultureInfo.InvariantCulture)).Append("=\"");
                AppendForDotNetEnv(document, rawValues[i]);
                document.Append("\"\n");
            }

            decoded.AddRange(Env.LoadContents(document.ToString(), options).Select(pair => pair.Value));
        }

        return decoded;
    }

    private static void AppendForDotNetEnv(StringBuilder document, string raw)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '\\')
            {
                bool pythonEscape = i + 1 < raw.Length && PythonEscapes.IndexOf(raw[i + 1]) >= 0;
                document.Append(pythonEscape ? raw.Substring(i++, 2) : "\\\\");
            }
            else if (c == '$' || c == '"')
            {
                // A lone '"' survives python-dotenv's scan only after an escaped backslash (a\\"b is a\"b).
                document.Append('\\').Append(c);
            }
            else if (char.IsControl(c) && !char.IsWhiteSpace(c))
            {
                document.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                document.Append(c);
            }
        }
    }
}
