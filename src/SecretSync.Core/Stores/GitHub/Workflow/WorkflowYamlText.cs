using YamlDotNet.Core;

namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>The text a <see cref="WorkflowYamlWriter"/> puts on a line for a scalar and for a comment.</summary>
internal static class WorkflowYamlText
{
    public static string Render(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.Plain => value,
        ScalarStyle.SingleQuoted => Quote.Yaml(value),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "plain or single-quoted"),
    };

    public static string TrailingComment(string? comment)
    {
        if (comment is null)
        {
            return string.Empty;
        }

        CheckCommentText(comment);
        return " # " + comment;
    }

    public static void CheckCommentText(string text)
    {
        if (text.Any(c => c is < ' ' or > '~'))
        {
            throw new WorkflowUnsafeException("A workflow comment may hold printable ASCII only; catalog text must go through the safe alphabet first.");
        }
    }
}
