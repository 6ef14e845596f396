namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The actions the generated workflow uses, pinned to full commit SHAs (GitHub's hardening guide: a tag can be
/// moved, a commit cannot). Each SHA was read from the action's own repository (the tag's commit) and matches
/// public workflows that pin the same tag; update both together.
/// </summary>
internal static class PinnedActions
{
    public const string Checkout = "actions/checkout@11d5960a326750d5838078e36cf38b85af677262";

    public const string CheckoutTag = "v4.4.0";

    public const string SetupDotnet = "actions/setup-dotnet@67a3573c9a986a3f9c594539f4ab511d57bb3ce9";

    public const string SetupDotnetTag = "v4.3.1";
}
