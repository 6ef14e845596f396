namespace SecretSync.Core.Stores.Esc;

/// <summary>
/// Recognises ESC's approval refusals by their text, the only thing that tells them from an ETag conflict (409) or
/// a missing permission (403). Texts: pulumi/esc#650 ("This environment requires updates to be approved via change
/// request. Please use the draft endpoint instead.") and pulumi/esc#668 ("create an open request instead, opens
/// must be approved for the …").
/// </summary>
internal static class EscApprovalText
{
    public static bool IsUpdateApproval(string message) =>
        Has(message, "approv") && (Has(message, "change request") || Has(message, "draft"));

    public static bool IsOpenApproval(string message) =>
        Has(message, "opens must be approved") || Has(message, "open request");

    private static bool Has(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}
