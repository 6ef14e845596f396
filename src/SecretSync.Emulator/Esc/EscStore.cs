using System.Security.Cryptography;

namespace SecretSync.Emulator.Esc;

/// <summary>All environments, keyed "org/project/env". Requests are concurrent: every access takes the lock.</summary>
internal sealed class EscStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, EscEnvironment> _environments = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public EscStore(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Raised after every change, so that state can be persisted.</summary>
    public event Action? Changed;

    public static string Key(string org, string project, string name) => $"{org}/{project}/{name}";

    public bool TryCreate(string org, string project, string name)
    {
        lock (_lock)
        {
            var key = Key(org, project, name);
            if (_environments.ContainsKey(key))
            {
                return false;
            }

            var now = _clock.GetUtcNow();
            var environment = new EscEnvironment { Organization = org, Project = project, Name = name, Created = now };
            environment.Revisions.Add(new EscRevision(1, string.Empty, ETagOf(key, 1, string.Empty), now));
            _environments[key] = environment;
        }

        Changed?.Invoke();
        return true;
    }

    public bool Delete(string org, string project, string name)
    {
        bool removed;
        lock (_lock)
        {
            removed = _environments.Remove(Key(org, project, name));
        }

        if (removed)
        {
            Changed?.Invoke();
        }

        return removed;
    }

    public EscEnvironment? Find(string org, string project, string name)
    {
        lock (_lock)
        {
            return _environments.GetValueOrDefault(Key(org, project, name));
        }
    }

    /// <summary>A revision snapshot (revisions are immutable, so it can be used outside the lock).</summary>
    public EscRevision? FindRevision(string org, string project, string name, string version)
    {
        lock (_lock)
        {
            return _environments.GetValueOrDefault(Key(org, project, name))?.Find(version);
        }
    }

    public List<EscRevision> Revisions(string org, string project, string name)
    {
        lock (_lock)
        {
            return _environments.TryGetValue(Key(org, project, name), out var environment) ? [.. environment.Revisions] : [];
        }
    }

    public List<EscEnvironment> List(string? org)
    {
        lock (_lock)
        {
            return _environments.Values.Where(e => org is null || e.Organization == org).ToList();
        }
    }

    /// <summary>True when <paramref name="etag"/> is empty (an unconditional update) or still the latest revision's.</summary>
    public bool IsCurrent(string org, string project, string name, string? etag)
    {
        lock (_lock)
        {
            return string.IsNullOrEmpty(etag) || (_environments.TryGetValue(Key(org, project, name), out var environment) && environment.Latest.ETag == etag);
        }
    }

    /// <summary>Appends a revision unless <paramref name="expectedETag"/> is given and no longer current.</summary>
    public EscUpdateOutcome Append(string org, string project, string name, string yaml, string? expectedETag, out EscRevision? revision)
    {
        revision = null;
        lock (_lock)
        {
            var key = Key(org, project, name);
            if (!_environments.TryGetValue(key, out var environment))
            {
                return EscUpdateOutcome.NotFound;
            }

            if (!string.IsNullOrEmpty(expectedETag) && expectedETag != environment.Latest.ETag)
            {
                return EscUpdateOutcome.Conflict;
            }

            var number = environment.Revisions.Count + 1;
            revision = new EscRevision(number, yaml, ETagOf(key, number, yaml), _clock.GetUtcNow());
            environment.Revisions.Add(revision);
        }

        Changed?.Invoke();
        return EscUpdateOutcome.Saved;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _environments.Clear();
        }
    }

    public List<EscEnvironment> Snapshot()
    {
        lock (_lock)
        {
            return [.. _environments.Values];
        }
    }

    public void Restore(IEnumerable<EscEnvironment> environments)
    {
        lock (_lock)
        {
            _environments.Clear();
            foreach (var environment in environments)
            {
                _environments[Key(environment.Organization, environment.Project, environment.Name)] = environment;
            }
        }
    }

    /// <summary>Opaque, different for every revision, quoted like an HTTP entity tag.</summary>
    public static string ETagOf(string key, int number, string yaml)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{number}\n{yaml}"));
        return "\"" + Convert.ToHexStringLower(hash, 0, 12) + "\"";
    }
}
