using System;
using System.Collections.Generic;
using System.IO;

namespace SecretSync.Core.DotEnv;

/// <summary>
/// Reads .env files as python-dotenv 1.2.2's <c>dotenv_values</c> does, but strictly: where python-dotenv would
/// skip a statement with a warning this throws <see cref="DotEnvParseException"/> and returns nothing from the
/// file. Never writes the process environment; it is read only through the lookup the caller passes.
/// </summary>
public static class DotEnvReader
{
    /// <summary>A lookup over the process environment, read-only; pass it to expand <c>${VAR}</c> from it.</summary>
    public static string? ProcessEnvironment(string name) =>
        name.Length == 0 || name.IndexOf('=') >= 0 || name.IndexOf('\0') >= 0 ? null : Environment.GetEnvironmentVariable(name);

    /// <summary>A lookup that knows no variable: <c>${VAR}</c> sees only earlier keys of the file.</summary>
    public static string? NoEnvironment(string name) => null;

    /// <summary>
    /// Reads <paramref name="path"/> (UTF-8; a UTF-8 or UTF-16 BOM is honoured and removed). A missing file throws
    /// <see cref="FileNotFoundException"/>: check existence first if it is optional.
    /// </summary>
    /// <exception cref="DotEnvParseException">The file is not valid UTF-8 or has a statement we will not guess about.</exception>
    public static IReadOnlyList<DotEnvEntry> ReadFile(string path, Func<string, string?> environmentLookup) =>
        Parse(DotEnvFileText.Read(path), path, environmentLookup);

    /// <summary>
    /// Parses .env text. Every statement becomes an entry, in file order; duplicate keys are all returned (python-dotenv
    /// and DotNetEnv's env vars keep the last one: callers that want a map take the last). A key without '=' is an
    /// entry without a value (<see cref="DotEnvEntry.HasValue"/> false): declared, not set. <c>${VAR}</c> and
    /// <c>${VAR:-default}</c> expand from earlier keys of this text first, then from <paramref name="lookup"/>.
    /// </summary>
    /// <param name="text">File content; a leading U+FEFF is removed.</param>
    /// <param name="displayPath">Names the file in errors and in <see cref="DotEnvEntry.Origin"/>.</param>
    /// <param name="lookup">Resolves names the file does not define; <see cref="ProcessEnvironment"/> or <see cref="NoEnvironment"/>.</param>
    public static IReadOnlyList<DotEnvEntry> Parse(string text, string displayPath, Func<string, string?> lookup)
    {
        var statements = DotEnvScanner.Scan(StripBom(text), displayPath);
        var doubleQuoted = DecodeDoubleQuoted(statements);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<DotEnvEntry>(statements.Count);
        int nextDoubleQuoted = 0;
        foreach (var statement in statements)
        {
            if (statement.Quoting == ValueQuoting.None)
            {
                // python-dotenv's None: not set. A later ${KEY} reads "" and ignores its default, as python's does.
                resolved[statement.Key] = string.Empty;
                entries.Add(new DotEnvEntry(statement.Key, string.Empty, statement.Line, statement.Column, displayPath, hasValue: false));
                continue;
            }

            string decoded = statement.Quoting switch
            {
                ValueQuoting.Double => doubleQuoted[nextDoubleQuoted++] ?? statement.RawValue,
                ValueQuoting.Single => SingleQuotedEscapes.Decode(statement.RawValue),
                _ => statement.RawValue,
            };
            string value = DotEnvInterpolation.Expand(decoded, resolved, lookup);
            resolved[statement.Key] = value;
            entries.Add(new DotEnvEntry(statement.Key, value, statement.Line, statement.Column, displayPath));
        }

        return entries;
    }

    /// <summary>
    /// python-dotenv keeps a BOM in the first key (its #640, a bug); DotNetEnv's file loading and node's dotenv drop
    /// it, and so do we.
    /// </summary>
    internal static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;

    /// <summary>Decoded double-quoted values by position among them; null where there was no backslash to decode.</summary>
    private static string?[] DecodeDoubleQuoted(List<DotEnvStatement> statements)
    {
        var decoded = new List<string?>();
        var withEscapes = new List<string>();
        var slots = new List<int>();
        foreach (var statement in statements)
        {
            if (statement.Quoting != ValueQuoting.Double)
            {
                continue;
            }

            if (statement.RawValue.IndexOf('\\') >= 0)
            {
                slots.Add(decoded.Count);
                withEscapes.Add(statement.RawValue);
            }

            decoded.Add(null);
        }

        if (withEscapes.Count > 0)
        {
            var values = DoubleQuotedEscapes.Decode(withEscapes);
            for (int i = 0; i < slots.Count; i++)
            {
                decoded[slots[i]] = values[i];
            }
        }

        return decoded.ToArray();
    }
}
