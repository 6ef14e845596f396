using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecretSync.Core.Stores.GitHub.Api;

/// <summary>
/// What SecretSync last pushed to GitHub, per organisation secret, kept in ESC (values.secretSync.githubPushes).
/// GitHub never returns values, so the ledger is how a push that would change nothing is skipped and how a secret
/// changed in GitHub since is noticed. Anyone who can read the ESC environment can read the ledger, so it holds
/// nothing derived from a value they cannot read there (docs/SECURITY.md, "The push ledger"): a push of ESC's own
/// value records where in ESC it came from, any other push only when it happened, and is therefore pushed again
/// every time. A ledger of an older format (which kept HMACs of the values) is not trusted and is replaced on the
/// next write.
/// </summary>
public sealed class GitHubPushLedger
{
    /// <summary>The format written; any other is discarded.</summary>
    public const int FormatVersion = 2;

    private readonly Dictionary<string, GitHubPushRecord> _pushes;
    private readonly HashSet<string> _changed = new(StringComparer.OrdinalIgnoreCase);

    private GitHubPushLedger(Dictionary<string, GitHubPushRecord> pushes, bool discarded)
    {
        _pushes = pushes;
        WasDiscarded = discarded;
    }

    /// <summary>True when a stored ledger was found but not trusted (older format, damaged): it starts empty.</summary>
    public bool WasDiscarded { get; }

    /// <summary>The values of the ESC environment as read with the ledger; pushes of ESC's value are recorded against them.</summary>
    public EscValueIdentities Esc { get; set; } = EscValueIdentities.None;

    /// <summary>An empty ledger.</summary>
    public static GitHubPushLedger CreateNew() => new(NewMap(), discarded: false);

    /// <summary>Reads a ledger written by <see cref="Serialize"/>; anything else starts afresh, with <see cref="WasDiscarded"/> set.</summary>
    public static GitHubPushLedger Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return CreateNew();
        }

        try
        {
            // Dates stay strings (DateParseHandling.None) and are parsed exactly, offset included.
            using var reader = new JsonTextReader(new StringReader(json!)) { DateParseHandling = DateParseHandling.None };
            var root = JObject.Load(reader);
            if ((int?)root["version"] != FormatVersion || root["pushes"] is not JObject pushes)
            {
                return new GitHubPushLedger(NewMap(), discarded: true);
            }

            var map = NewMap();
            foreach (var push in pushes.Properties())
            {
                map[push.Name] = GitHubPushRecordJson.Read(push.Value);
            }

            return new GitHubPushLedger(map, discarded: false);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or InvalidOperationException or ArgumentException or OverflowException)
        {
            // Edited by hand or damaged: pushing everything once rebuilds it, which is safe.
            return new GitHubPushLedger(NewMap(), discarded: true);
        }
    }

    /// <summary>The last push of a secret, if the ledger has one.</summary>
    public GitHubPushRecord? LastPush(string organization, string gitHubName) =>
        _pushes.TryGetValue(Key(organization, gitHubName), out var push) ? push : null;

    /// <summary>
    /// True when GitHub was last given exactly <paramref name="value"/>: the last push, recorded as done, was of ESC's
    /// value at <paramref name="escPath"/>, and ESC still holds that same value there, unchanged since.
    /// </summary>
    public bool HoldsValue(string organization, string gitHubName, string? escPath, string value) =>
        LastPush(organization, gitHubName) is { IsPending: false, IsFromEsc: true } push
        && push.EscPath == escPath
        && Esc.IdentityOf(escPath, value) == push.EscIdentity;

    /// <summary>Marks a push as started; until <see cref="Record"/> it stays unknown (also to later runs, if never recorded).</summary>
    public void MarkPending(string organization, string gitHubName, DateTimeOffset startedAt) =>
        Set(organization, gitHubName, GitHubPushRecord.Pending(startedAt));

    /// <summary>Records a push that GitHub accepted; where the value was ESC's at <paramref name="escPath"/>, says so.</summary>
    public void Record(string organization, string gitHubName, string? escPath, string value, DateTimeOffset updatedAt, DateTimeOffset pushedAt)
    {
        var identity = Esc.IdentityOf(escPath, value);
        Set(organization, gitHubName, identity is null
            ? new GitHubPushRecord(pushedAt, updatedAt, null, null, null)
            : new GitHubPushRecord(pushedAt, updatedAt, escPath, Esc.Revision, identity));
    }

    /// <summary>
    /// Takes from <paramref name="stored"/> (read again after a concurrent write) every push this ledger did not
    /// change itself, so two runs that write at the same time keep each other's pushes.
    /// </summary>
    public void MergeFrom(GitHubPushLedger stored)
    {
        foreach (var push in stored._pushes)
        {
            if (!_changed.Contains(push.Key))
            {
                _pushes[push.Key] = push.Value;
            }
        }
    }

    /// <summary>The ledger as compact JSON.</summary>
    public string Serialize()
    {
        var pushes = new JObject();
        foreach (var push in _pushes)
        {
            pushes[push.Key] = GitHubPushRecordJson.Write(push.Value);
        }

        return new JObject { ["version"] = FormatVersion, ["pushes"] = pushes }.ToString(Formatting.None);
    }

    /// <inheritdoc/>
    public override string ToString() => $"GitHub push ledger ({_pushes.Count} pushes)";

    private void Set(string organization, string gitHubName, GitHubPushRecord record)
    {
        var key = Key(organization, gitHubName);
        _pushes[key] = record;
        _changed.Add(key);
    }

    private static Dictionary<string, GitHubPushRecord> NewMap() => new(StringComparer.OrdinalIgnoreCase);

    private static string Key(string organization, string gitHubName) => organization + "/" + gitHubName;
}
