namespace SecretSync.Core.DotEnv;

/// <summary>Which names the writer can emit as unquoted keys that python-dotenv and our reader read back.</summary>
internal static class DotEnvKeyNames
{
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A .env key cannot be empty.", nameof(name));
        }

        // python-dotenv's unquoted key is [^=#\s]+; a leading quote would make it a quoted key.
        foreach (char c in name)
        {
            if (c == '=' || c == '#' || PythonWhitespace.IsSpace(c))
            {
                throw new ArgumentException($"The .env key '{name}' contains '=', '#' or whitespace.", nameof(name));
            }
        }

        if (name[0] == '\'')
        {
            throw new ArgumentException($"The .env key '{name}' starts with a quote.", nameof(name));
        }
    }
}
