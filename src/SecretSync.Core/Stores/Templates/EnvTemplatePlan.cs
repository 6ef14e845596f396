namespace SecretSync.Core.Stores.Templates;

/// <summary>The template text to write, and the file as it was read when the text was planned.</summary>
public sealed record EnvTemplatePlan(string Text, FileSnapshot ReadAs);
