namespace SecretSync.Emulator.GitHub;

/// <summary>
/// How the next dispatched workflow runs end and how long they take (set by POST /_emulator/github/runs).
/// <see cref="ReturnsRunDetails"/> false acts as a GitHub Enterprise Server that predates return_run_details: the
/// dispatch answers 204 with no run id, so clients must find the run themselves.
/// </summary>
internal sealed record RunSettings(string Conclusion, double Seconds, bool ReturnsRunDetails = true);
