namespace SecretSync.Core.Stores.Run;

/// <summary>How <see cref="CommandRunner"/> starts a command. The variables hold values: never log them.</summary>
public sealed class CommandRunOptions
{
    /// <summary>The executable, resolved to a path.</summary>
    public string FilePath { get; init; } = string.Empty;

    /// <summary>Arguments, each passed as one argv entry (no shell, no splitting, no expansion).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The child's working directory.</summary>
    public string WorkingDirectory { get; init; } = string.Empty;

    /// <summary>Variables set for the child (file variables already hold their paths); they win over inherited ones.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>True: the child starts from this process's environment; false: from the variables alone.</summary>
    public bool Inherit { get; init; } = true;

    /// <summary>True: the child shares this process's stdin, stdout and stderr, unfiltered.</summary>
    public bool Interactive { get; init; }

    /// <summary>Where the filtered stdout goes (unused when interactive).</summary>
    public Stream? Output { get; init; }

    /// <summary>Where the filtered stderr goes (unused when interactive).</summary>
    public Stream? Error { get; init; }

    /// <summary>What is filtered out of stdout and stderr.</summary>
    public SecretRedactor? Redactor { get; init; }
}
