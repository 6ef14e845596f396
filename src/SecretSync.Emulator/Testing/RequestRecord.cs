namespace SecretSync.Emulator.Testing;

/// <summary>
/// One served API request: method, path without query string, status (0 = dropped), milliseconds, and how many API
/// requests were in progress when it arrived, itself included (so tests can see a client's concurrency bound).
/// Never bodies or headers.
/// </summary>
internal sealed record RequestRecord(string Method, string Path, int Status, double Ms, int InFlight);
