namespace SecretSync.Emulator.Testing;

/// <summary>Holds the scripted faults; the first matching rule decides a request's fate.</summary>
internal sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_lock)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    public FaultAction? Take(string method, string path)
    {
        lock (_lock)
        {
            if (_rules.Count == 0)
            {
                return null;
            }

            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path))
                {
                    continue;
                }

                if (rule.Skip > 0)
                {
                    rule.Skip--;
                    return null;
                }

                if (rule.Rate is { } rate)
                {
                    if (Random.Shared.NextDouble() >= rate)
                    {
                        continue;
                    }
                }
                else if (--rule.Count <= 0)
                {
                    _rules.Remove(rule);
                }

                int? status = rule.Statuses.Length == 0 ? null : rule.Statuses[Random.Shared.Next(rule.Statuses.Length)];
                return new FaultAction(status, rule.RetryAfter, rule.DelayMs, rule.Drop, rule.Message, rule.ResetSeconds);
            }

            return null;
        }
    }
}
