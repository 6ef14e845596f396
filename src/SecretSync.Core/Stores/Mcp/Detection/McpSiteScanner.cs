namespace SecretSync.Core.Stores.Mcp.Detection;

/// <summary>Scans one string in strength order, claiming characters so weaker rules never re-report them.</summary>
internal sealed class McpSiteScanner
{
    private readonly McpStringSite _site;
    private readonly McpKnownValues _known;
    private readonly McpDetectionOptions _options;
    private readonly string _value;
    private readonly List<(int Start, int End)> _claimed = new();
    private readonly List<McpDetection> _found = new();
    private List<McpKeyedRegion> _regions = new();

    public McpSiteScanner(McpStringSite site, McpKnownValues known, McpDetectionOptions options)
    {
        _site = site;
        _known = known;
        _options = options;
        _value = site.Node.Value;
    }

    public List<McpDetection> Scan()
    {
        if (_value.Length == 0)
        {
            return _found;
        }

        _regions = McpKeyedRegionFinder.Find(_site);
        foreach (var (start, length, reference) in McpReferenceScanner.FindBraced(_value))
        {
            ClaimReference(start, length, reference);
        }

        FindKnownValues();
        foreach (var (start, length, reference) in McpReferenceScanner.FindDollar(_value))
        {
            ClaimReference(start, length, reference);
        }

        foreach (Match match in McpSecretPatterns.FindPrefixed(_value))
        {
            TryClaimSecret(match.Index, match.Length, McpMatchKind.Prefix, null);
        }

        foreach (var (start, length) in McpSecretPatterns.FindHighEntropy(_value, _options))
        {
            TryClaimSecret(start, length, McpMatchKind.Entropy, null);
        }

        foreach (var region in _regions)
        {
            if (McpSecretKeyNames.IsSecretKeyName(region.Key)
                && !McpSecretPatterns.IsTrivialValue(_value.Substring(region.Start, region.Length)))
            {
                TryClaimSecret(region.Start, region.Length, McpMatchKind.KeyName, null);
            }
        }

        return _found;
    }

    private void FindKnownValues()
    {
        foreach (var (start, length, name) in _known.FindIn(_value))
        {
            TryClaimSecret(start, length, McpMatchKind.KnownValue, name);
        }
    }

    private void ClaimReference(int start, int length, McpReference? reference)
    {
        if (!Claim(start, length) || reference is null)
        {
            return;
        }

        _found.Add(new McpDetection(_site.Server, _site.Node, _site.Field, start, length)
        {
            Name = reference.Name,
            ReferenceText = _value.Substring(start, length),
            NeedsVariable = reference.IsVariable && !reference.HasDefault,
            Key = _site.Key,
        });
    }

    private void TryClaimSecret(int start, int length, McpMatchKind kind, string? name)
    {
        if (!Claim(start, length))
        {
            return;
        }

        _found.Add(new McpDetection(_site.Server, _site.Node, _site.Field, start, length)
        {
            MatchKind = kind,
            Name = name,
            Key = KeyFor(start, length),
        });
    }

    private string? KeyFor(int start, int length)
    {
        foreach (var region in _regions)
        {
            if (region.Contains(start, length))
            {
                return region.Key;
            }
        }

        return _site.Key;
    }

    private bool Claim(int start, int length)
    {
        var end = start + length;
        foreach (var (claimedStart, claimedEnd) in _claimed)
        {
            if (start < claimedEnd && claimedStart < end)
            {
                return false;
            }
        }

        _claimed.Add((start, end));
        return true;
    }
}
