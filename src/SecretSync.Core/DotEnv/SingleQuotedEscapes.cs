using System.Text;

namespace SecretSync.Core.DotEnv;

/// <summary>
/// python-dotenv decodes <c>\\</c> and <c>\'</c> inside single quotes (row 24: <c>'it\'s'</c> is <c>it's</c>).
/// DotNetEnv has no escapes there and rejects <c>\'</c> outright, so this is ours.
/// </summary>
internal static class SingleQuotedEscapes
{
    public static string Decode(string raw)
    {
        if (raw.IndexOf('\\') < 0)
        {
            return raw;
        }

        var decoded = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '\\' && i + 1 < raw.Length && (raw[i + 1] == '\\' || raw[i + 1] == '\''))
            {
                c = raw[++i];
            }

            decoded.Append(c);
        }

        return decoded.ToString();
    }
}
