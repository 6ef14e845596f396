namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>
/// Splits a scanned string into the parts that a name governs, so a secret can be named and a literal under a
/// secret-like name can be Suspected: <c>env.KEY</c>/<c>headers.Name</c> values (minus <c>Bearer </c>),
/// <c>--token=v</c>, <c>--token v</c>, <c>KEY=v</c>, <c>Name: v</c> arguments, URL query values and userinfo passwords.
/// </summary>
internal static class McpKeyedRegionFinder
{
    private static readonly Regex s_flagWithValue = new(@"^(?:--?(?<key>[A-Za-z0-9][A-Za-z0-9_.\-]*)|(?<key>[A-Za-z_][A-Za-z0-9_]*))=(?<value>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly Regex s_flag = new(@"^--?(?<key>[A-Za-z0-9][A-Za-z0-9_.\-]*)$", RegexOptions.CultureInvariant);

    private static readonly Regex s_headerArgument = new(@"^(?<key>[A-Za-z][A-Za-z0-9_\-]*):(?!//)\s*(?<value>.+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static readonly Regex s_url = new(
        @"[A-Za-z][A-Za-z0-9+.\-]*://(?:(?<user>[^:@/\s?#]*):(?<password>[^@/\s?#]+)@)?[^\s?#]*(?:\?(?<query>[^\s#]*))?",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex s_queryPair = new(@"(?:^|&)(?<key>[^=&]+)=(?<value>[^&]*)", RegexOptions.CultureInvariant);

    public static List<McpKeyedRegion> Find(McpStringSite site)
    {
        var value = site.Node.Value;
        var regions = new List<McpKeyedRegion>();
        if (site.Key is not null)
        {
            AddValue(regions, site.Key, value, 0, value.Length);
        }
        else if (site.Field == McpField.Argument)
        {
            AddArgument(regions, site, value);
        }

        if (value.IndexOf("://", System.StringComparison.Ordinal) >= 0)
        {
            AddUrls(regions, value);
        }

        return regions;
    }

    private static void AddArgument(List<McpKeyedRegion> regions, McpStringSite site, string value)
    {
        Match match;
        // IndexOf first: most arguments ("-y", "@scope/server") have neither '=' nor ':' and need no regex.
        if ((value.IndexOf('=') > 0 && (match = s_flagWithValue.Match(value)).Success)
            || (value.IndexOf(':') > 0 && (match = s_headerArgument.Match(value)).Success))
        {
            var group = match.Groups["value"];
            AddValue(regions, match.Groups["key"].Value, value, group.Index, group.Length);
        }
        else if (site.PreviousArgument is { Length: > 1 } && site.PreviousArgument[0] == '-' && !value.StartsWith("-", System.StringComparison.Ordinal)
            && (match = s_flag.Match(site.PreviousArgument)).Success)
        {
            AddValue(regions, match.Groups["key"].Value, value, 0, value.Length);
        }
    }

    private static void AddUrls(List<McpKeyedRegion> regions, string value)
    {
        foreach (Match url in s_url.Matches(value))
        {
            var password = url.Groups["password"];
            if (password.Success)
            {
                regions.Add(new McpKeyedRegion("password", password.Index, password.Length));
            }

            var query = url.Groups["query"];
            if (!query.Success)
            {
                continue;
            }

            foreach (Match pair in s_queryPair.Matches(query.Value))
            {
                var pairValue = pair.Groups["value"];
                if (pairValue.Length > 0)
                {
                    regions.Add(new McpKeyedRegion(pair.Groups["key"].Value, query.Index + pairValue.Index, pairValue.Length));
                }
            }
        }
    }

    // "Bearer abc" under Authorization: the credential is "abc"; the scheme stays in the file.
    private static void AddValue(List<McpKeyedRegion> regions, string key, string value, int start, int length)
    {
        var scheme = McpSecretPatterns.AuthSchemeLength(value, start);
        if (length - scheme > 0)
        {
            regions.Add(new McpKeyedRegion(key, start + scheme, length - scheme));
        }
    }
}
