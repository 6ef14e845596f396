namespace SecretSync;

/// <summary>Tells whether the command runs unattended in CI, where it must never wait for an answer.</summary>
internal static class ContinuousIntegration
{
    public static bool IsActive =>
        IsTrue("CI") || IsTrue("GITHUB_ACTIONS") || IsTrue("TF_BUILD") || Environment.GetEnvironmentVariable("BUILD_ID") is not null;

    private static bool IsTrue(string name) =>
        string.Equals(Environment.GetEnvironmentVariable(name), "true", StringComparison.OrdinalIgnoreCase) || Environment.GetEnvironmentVariable(name) == "1";
}
