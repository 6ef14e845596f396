using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>
/// Makes stdio MCP servers start through Invoke-SophiaCommand, for clients that start servers without the
/// operator's shell environment: <c>"command": "npx", "args": ["-y", "x"]</c> becomes <c>"command": "pwsh",
/// "args": [&lt;launcher&gt;, "org/project/env", "npx", "-y", "x"]</c>. Only the command token and the front of the
/// args array change (the original tokens are moved, not re-encoded), so <see cref="Unwrap"/> gives back the file
/// byte for byte (a server that had no args keeps an empty one). Pure: text in, text and changes out.
/// </summary>
public static class McpLaunchRewriter
{
    /// <summary>The command clients run instead of the server's own.</summary>
    public const string LauncherCommand = "pwsh";

    /// <summary>
    /// pwsh's arguments before the environment: -CommandWithArgs puts the rest in $args without re-parsing them, so an
    /// argument such as "-e" reaches the server as it is and never binds to a parameter of Invoke-SophiaCommand.
    /// </summary>
    public static readonly IReadOnlyList<string> LauncherArguments =
    [
        "-NoProfile",
        "-NonInteractive",
        "-CommandWithArgs",
        "Invoke-SophiaCommand -Environment $args[0] -FilePath $args[1] -ArgumentList @($args | Select-Object -Skip 2)",
    ];

    /// <summary>Wraps each stdio server <paramref name="selected"/> accepts; already wrapped ones are left alone.</summary>
    public static (string Text, IReadOnlyList<McpLaunchChange> Changes) Wrap(string text, string filePath, McpClient client, string environment, Func<string, bool> selected) =>
        Rewrite(text, filePath, client, selected, (document, server, command, args, edits) =>
        {
            var line = document.Positions.PositionOf(command.Start).Line;
            if (IsWrapped(command, args))
            {
                return new McpLaunchChange(filePath, server.Name, McpLaunchAction.AlreadyWrapped, ((JsonStringNode)((JsonArrayNode)args!).Items[LauncherArguments.Count]).Value, line);
            }

            var front = string.Join(", ", LauncherArguments.Concat([environment]).Select(Quote)) + ", " + Source(document, command);
            switch (args)
            {
                case null:
                    edits.Add(new TextSplice(command.Start, command.End, Quote(LauncherCommand) + ", \"args\": [" + front + "]"));
                    break;
                case JsonArrayNode array:
                    edits.Add(new TextSplice(command.Start, command.End, Quote(LauncherCommand)));
                    edits.Add(array.Items.Count > 0 ? new TextSplice(array.Items[0].Start, array.Items[0].Start, front + ", ") : new TextSplice(array.Start + 1, array.Start + 1, front));
                    break;
                default:
                    return new McpLaunchChange(filePath, server.Name, McpLaunchAction.Skipped, null, line, "Its \"args\" is not an array; fix the file, then run again.");
            }

            return new McpLaunchChange(filePath, server.Name, McpLaunchAction.Wrapped, environment, line);
        });

    /// <summary>Gives each wrapped server <paramref name="selected"/> accepts its own command and args back.</summary>
    public static (string Text, IReadOnlyList<McpLaunchChange> Changes) Unwrap(string text, string filePath, McpClient client, Func<string, bool> selected) =>
        Rewrite(text, filePath, client, selected, (document, server, command, args, edits) =>
        {
            if (!IsWrapped(command, args))
            {
                return null;
            }

            var items = ((JsonArrayNode)args!).Items;
            var original = items[LauncherArguments.Count + 1];
            var environment = ((JsonStringNode)items[LauncherArguments.Count]).Value;
            // The original command goes back in place and the launcher's items leave the array. A server that had no
            // args keeps an empty array: "command": "x", "args": [] can't be told from one Wrap gave args to.
            edits.Add(new TextSplice(command.Start, command.End, Source(document, original)));
            var end = items.Count > LauncherArguments.Count + 2 ? items[LauncherArguments.Count + 2].Start : original.End;
            edits.Add(new TextSplice(items[0].Start, end, string.Empty));

            return new McpLaunchChange(filePath, server.Name, McpLaunchAction.Unwrapped, environment, document.Positions.PositionOf(command.Start).Line);
        });

    private static (string Text, IReadOnlyList<McpLaunchChange> Changes) Rewrite(
        string text,
        string filePath,
        McpClient client,
        Func<string, bool> selected,
        Func<McpDocument, McpServer, JsonStringNode, JsonNode?, List<TextSplice>, McpLaunchChange?> change)
    {
        var document = McpDocument.Parse(text, filePath);
        var edits = new List<TextSplice>();
        var changes = new List<McpLaunchChange>();
        foreach (var server in McpServerLocator.Find(document, client).Where(s => selected(s.Name)))
        {
            // Remote servers (url) and entries without a string command have nothing to launch.
            if (server.Node.Get("command") is JsonStringNode command && change(document, server, command, server.Node.Get("args"), edits) is { } done)
            {
                changes.Add(done);
            }
        }

        return (TextSplices.Apply(text, edits), changes);
    }

    private static bool IsWrapped(JsonStringNode command, JsonNode? args) =>
        command.Value == LauncherCommand
        && args is JsonArrayNode array
        && array.Items.Count >= LauncherArguments.Count + 2
        && array.Items.Take(LauncherArguments.Count + 2).All(item => item is JsonStringNode)
        && LauncherArguments.Select((argument, i) => ((JsonStringNode)array.Items[i]).Value == argument).All(same => same);

    private static string Source(McpDocument document, JsonNode node) => document.Text.Substring(node.Start, node.End - node.Start);

    private static string Quote(string value) => "\"" + McpJsonText.Escape(value) + "\"";
}
