namespace SecretSync.Emulator.Testing;

/// <summary>The ordered log behind GET /_emulator/requests, bounded so long benchmarks cannot exhaust memory.</summary>
internal sealed class RequestLog
{
    private const int Capacity = 200_000;
    private readonly Lock _lock = new();
    private readonly List<RequestRecord> _records = [];

    public void Add(RequestRecord record)
    {
        lock (_lock)
        {
            if (_records.Count >= Capacity)
            {
                _records.RemoveRange(0, Capacity / 2);
            }

            _records.Add(record);
        }
    }

    public List<RequestRecord> Snapshot()
    {
        lock (_lock)
        {
            return [.. _records];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _records.Clear();
        }
    }
}
