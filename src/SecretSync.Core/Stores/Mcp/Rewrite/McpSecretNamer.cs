using SecretSync.Core.Stores.Mcp.Detection;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>
/// Chooses the variable name for each secret of one file: the known secret's name; else the env key it sits
/// under; else <c>SERVER_KEY</c> in upper snake case (never starting with a digit or <c>GITHUB_</c>, which GitHub
/// forbids). The same value always gets the same name; different values never share one.
/// </summary>
internal sealed class McpSecretNamer
{
    private static readonly Regex s_identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, string> _nameByValue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _valueByName = new(StringComparer.Ordinal);

    public string NameFor(McpDetection detection, string secret)
    {
        if (_nameByValue.TryGetValue(secret, out var existing))
        {
            return existing;
        }

        string name;
        if (detection.Name is not null && IsFree(detection.Name, secret))
        {
            name = detection.Name;
        }
        else if (detection.Field == McpField.Env && detection.Key is { } envKey && s_identifier.IsMatch(envKey) && IsFree(envKey, secret))
        {
            name = envKey;
        }
        else
        {
            name = Unique(Derive(detection.Server, detection.Key), secret);
        }

        _nameByValue[secret] = name;
        _valueByName[name] = secret;
        return name;
    }

    /// <summary>An upper-snake name from the server and the key naming the secret (API_KEY when nothing names it).</summary>
    internal static string Derive(string server, string? key)
    {
        var serverPart = UpperSnake(server);
        var keyPart = key is null ? string.Empty : UpperSnake(key.TrimStart('-'));
        if (keyPart.StartsWith("X_", StringComparison.Ordinal))
        {
            keyPart = keyPart.Substring(2);
        }

        keyPart = keyPart switch
        {
            "" => "API_KEY",
            "AUTHORIZATION" or "AUTH" => "TOKEN",
            "PASS" or "PWD" => "PASSWORD",
            _ => keyPart,
        };
        var name = serverPart.Length == 0 || keyPart == serverPart || keyPart.StartsWith(serverPart + "_", StringComparison.Ordinal)
            ? keyPart
            : serverPart + "_" + keyPart;
        if (name.IndexOf('_') < 0 || char.IsDigit(name[0]))
        {
            name = "MCP_" + name;
        }

        return name.StartsWith("GITHUB_", StringComparison.Ordinal) ? "GH_" + name.Substring(7) : name;
    }

    internal static string UpperSnake(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var asciiLetterOrDigit = c < 128 && char.IsLetterOrDigit(c);
            if (asciiLetterOrDigit && char.IsUpper(c) && i > 0 && char.IsLower(text[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(asciiLetterOrDigit ? char.ToUpperInvariant(c) : '_');
        }

        return Regex.Replace(builder.ToString(), "_+", "_").Trim('_');
    }

    private bool IsFree(string name, string secret) =>
        !_valueByName.TryGetValue(name, out var taken) || string.Equals(taken, secret, StringComparison.Ordinal);

    private string Unique(string name, string secret)
    {
        var candidate = name;
        for (var n = 2; !IsFree(candidate, secret); n++)
        {
            candidate = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
