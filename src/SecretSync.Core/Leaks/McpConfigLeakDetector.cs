using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace SecretSync.Core.Leaks;

/// <summary>
/// A first, deliberately small check of MCP client configs (by file name): string values under <c>env</c> or
/// <c>headers</c> whose key names a credential and that are literals rather than references (<c>${NAME}</c>,
/// <c>${env:NAME}</c>, <c>${input:id}</c>, <c>${{ secrets.NAME }}</c>). The fuller detector of SecretSync.Core.Mcp
/// (URL query strings, userinfo, args flags, token prefixes) is meant to replace it through <see cref="ILeakDetector"/>.
/// </summary>
public sealed class McpConfigLeakDetector : ILeakDetector
{
    private static readonly string[] s_fileNames = [".mcp.json", "mcp.json", "mcp_config.json", "claude_desktop_config.json", ".claude.json"];

    private static readonly Regex s_credentialKey = new(
        "(api[_-]?key|token|secret|passw(or)?d|(^|[_-])pat($|[_-])|credential|auth|private[_-]?key|access[_-]?key|cookie)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>True for the file names MCP clients read (see the reference's client table).</summary>
    public static bool IsMcpConfigName(string fileName) =>
        Array.Exists(s_fileNames, n => n.Equals(fileName, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public IEnumerable<LeakFinding> Inspect(LeakScanFile file)
    {
        var name = file.RelativePath.Substring(file.RelativePath.LastIndexOf('/') + 1);
        if (file.Text is not { } text || !IsMcpConfigName(name))
        {
            return [];
        }

        var findings = new List<LeakFinding>();
        try
        {
            Walk(text, file.RelativePath, findings);
        }
        catch (JsonReaderException)
        {
            // Not JSON (or JSON with a syntax error): nothing to say about its keys; known values are still searched.
            return findings;
        }

        return findings;
    }

    private static void Walk(string text, string relativePath, List<LeakFinding> findings)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        var path = new List<string>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonToken.PropertyName:
                    property = (string)reader.Value!;
                    break;
                case JsonToken.StartObject:
                case JsonToken.StartArray:
                    path.Add(property ?? string.Empty);
                    property = null;
                    break;
                case JsonToken.EndObject:
                case JsonToken.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                case JsonToken.String:
                    var parent = path.Count > 0 ? path[path.Count - 1] : string.Empty;
                    if (property is not null && (parent == "env" || parent == "headers") && IsLiteralCredential(property, (string)reader.Value!))
                    {
                        findings.Add(new LeakFinding(relativePath, reader.LineNumber, property, LeakKind.HardcodedInMcpConfig));
                    }

                    property = null;
                    break;
                default:
                    property = null;
                    break;
            }
        }
    }

    private static bool IsLiteralCredential(string key, string value) =>
        s_credentialKey.IsMatch(key)
        && value.Trim().Length >= KnownValueDetector.MinimumValueLength
        && value.IndexOf("${", StringComparison.Ordinal) < 0
        && !value.TrimStart().StartsWith("$", StringComparison.Ordinal);
}
