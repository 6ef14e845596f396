using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.GitHub;

/// <summary>
/// What SecretSync last pushed to GitHub, per organisation secret: an HMAC of the value and GitHub's updated_at
/// after the push. GitHub never returns values, so this is the only way to skip a push that would change nothing,
/// and to notice a secret changed in GitHub since. The HMAC key lives inside the ledger, and the whole ledger is
/// kept as one secret in ESC (values.secretSync.githubPushes): without the key a fingerprint reveals nothing.
/// </summary>
public sealed class GitHubPushLedger
{
    private readonly byte[] _key;
    private readonly Dictionary<string, (string Hmac, DateTimeOffset UpdatedAt)> _pushes;

    private GitHubPushLedger(byte[] key, Dictionary<string, (string, DateTimeOffset)> pushes)
    {
        _key = key;
        _pushes = pushes;
    }

    /// <summary>An empty ledger with a fresh random key.</summary>
    public static GitHubPushLedger CreateNew()
    {
        var key = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(key);
        }

        return new GitHubPushLedger(key, new Dictionary<string, (string, DateTimeOffset)>(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Reads a ledger written by <see cref="Serialize"/>; a ledger that does not parse starts afresh.</summary>
    public static GitHubPushLedger Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return CreateNew();
        }

        try
        {
            // Dates stay strings (DateParseHandling.None) and are parsed exactly, offset included.
            using var reader = new JsonTextReader(new System.IO.StringReader(json!)) { DateParseHandling = DateParseHandling.None };
            var root = JObject.Load(reader);
            var key = Convert.FromBase64String((string?)root["key"] ?? string.Empty);
            if (key.Length != 32)
            {
                return CreateNew();
            }

            var pushes = new Dictionary<string, (string, DateTimeOffset)>(StringComparer.OrdinalIgnoreCase);
            foreach (var push in (root["pushes"] as JObject)?.Properties() ?? [])
            {
                var updatedAt = DateTimeOffset.Parse((string?)push.Value["updatedAt"] ?? string.Empty, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
                pushes[push.Name] = ((string?)push.Value["hmac"] ?? string.Empty, updatedAt);
            }

            return new GitHubPushLedger(key, pushes);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException)
        {
            // Edited by hand or damaged: pushing everything once rebuilds it, which is safe.
            return CreateNew();
        }
    }

    /// <summary>The HMAC of <paramref name="value"/> for one secret of one organisation.</summary>
    public string Fingerprint(string organization, string gitHubName, string value)
    {
        using var hmac = new HMACSHA256(_key);
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(Key(organization, gitHubName) + "\n" + value));
        return BitConverter.ToString(hash).Replace("-", string.Empty).ToLowerInvariant();
    }

    /// <summary>The last push of a secret, if the ledger has one.</summary>
    public (string Hmac, DateTimeOffset UpdatedAt)? LastPush(string organization, string gitHubName) =>
        _pushes.TryGetValue(Key(organization, gitHubName), out var push) ? push : null;

    /// <summary>Records a push.</summary>
    public void Record(string organization, string gitHubName, string hmac, DateTimeOffset updatedAt) =>
        _pushes[Key(organization, gitHubName)] = (hmac, updatedAt);

    /// <summary>Adds the pushes of <paramref name="other"/> that this ledger does not have (after a concurrent write).</summary>
    public void MergeMissingFrom(GitHubPushLedger other)
    {
        if (!other._key.AsSpan().SequenceEqual(_key))
        {
            return; // Fingerprints under another key cannot be compared; ours are the fresh ones.
        }

        foreach (var push in other._pushes)
        {
            if (!_pushes.ContainsKey(push.Key))
            {
                _pushes[push.Key] = push.Value;
            }
        }
    }

    /// <summary>The ledger as compact JSON (it holds the HMAC key: store it only as a secret).</summary>
    public string Serialize()
    {
        var pushes = new JObject();
        foreach (var push in _pushes)
        {
            pushes[push.Key] = new JObject { ["hmac"] = push.Value.Hmac, ["updatedAt"] = push.Value.UpdatedAt.ToString("o") };
        }

        return new JObject { ["version"] = 1, ["key"] = Convert.ToBase64String(_key), ["pushes"] = pushes }.ToString(Formatting.None);
    }

    /// <inheritdoc/>
    public override string ToString() => $"GitHub push ledger ({_pushes.Count} pushes)";

    private static string Key(string organization, string gitHubName) => organization + "/" + gitHubName;
}
