using System;
using System.Collections.Generic;
using SecretSync.Core.DotEnv;
using SecretSync.Core.Secrets;

namespace SecretSync.Core.Collectors;

/// <summary>Every key of each .env file, in file order, with its <c>file:line</c> origin. A malformed file yields no record at all.</summary>
public sealed class DotEnvCollector
{
    private readonly SecretRecordFactory _factory;
    private readonly Func<string, string?> _environment;

    /// <param name="factory">Makes the records.</param>
    /// <param name="environment">Read-only lookup for <c>${VAR}</c> not defined earlier in the file (python-dotenv reads os.environ).</param>
    public DotEnvCollector(SecretRecordFactory factory, Func<string, string?> environment)
    {
        _factory = factory;
        _environment = environment;
    }

    /// <summary>Records of <paramref name="path"/>; throws <see cref="DotEnvParseException"/> before returning any when the file is malformed.</summary>
    public List<SecretRecord> Collect(string path)
    {
        var entries = DotEnvReader.ReadFile(path, _environment);
        var records = new List<SecretRecord>(entries.Count);
        foreach (var entry in entries)
        {
            records.Add(_factory.WithValue(entry.Key, SecretSource.DotEnv, entry.Origin, entry.Value));
        }

        return records;
    }
}
