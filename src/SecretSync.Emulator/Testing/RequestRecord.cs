namespace SecretSync.Emulator.Testing;

/// <summary>One served API request: method, path without query string, status (0 = dropped), milliseconds. Never bodies or headers.</summary>
internal sealed record RequestRecord(string Method, string Path, int Status, double Ms);
