namespace SecretSync.Emulator.GitHub;

/// <summary>How the next dispatched workflow runs end and how long they take (set by POST /_emulator/github/runs).</summary>
internal sealed record RunSettings(string Conclusion, double Seconds);
