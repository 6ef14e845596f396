namespace SecretSync;

/// <summary>The one wording for secrets given with an empty value, which Sync- and Set-SophiaSecret do not write.</summary>
internal static class EmptyValues
{
    public static string Message(IReadOnlyList<string> names) =>
        $"Not set (empty value), so not written: {string.Join(", ", names)}. What ESC and GitHub hold stays as it is. "
        + "Fill the value in (a NAME= line copied from .env.template is empty), or pass -AllowEmpty to write an empty value.";
}
