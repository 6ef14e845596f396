using System.Collections.Concurrent;
using SecretSync.Emulator.Esc.Eval;

namespace SecretSync.Emulator.Esc;

/// <summary>Open ids and their evaluated environments; an expired id reads as unknown (404).</summary>
internal sealed class OpenSessions
{
    private readonly ConcurrentDictionary<string, OpenSession> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public OpenSessions(TimeProvider clock)
    {
        _clock = clock;
    }

    public string Add(EscValue properties, TimeSpan duration)
    {
        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = new OpenSession(id, properties, _clock.GetUtcNow() + duration);
        return id;
    }

    public OpenSession? Find(string id)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (session.Expires <= _clock.GetUtcNow())
        {
            _sessions.TryRemove(id, out _);
            return null;
        }

        return session;
    }

    public void Clear() => _sessions.Clear();
}
