using SecretSync.Core.Stores.Mcp.Detection;
using SecretSync.Core.Stores.Mcp.Discovery;
using SecretSync.Core.Stores.Mcp.Json;

namespace SecretSync.Core.Stores.Mcp.Rewrite;

/// <summary>The state of rewriting one file: chosen names, pending edits, new VS Code inputs, warned variables.</summary>
internal sealed class McpRewriteSession
{
    private readonly McpDocument _document;
    private readonly McpClient _client;
    private readonly McpRewriteOptions _options;
    private readonly ISyncReporter _reporter;
    private readonly McpReferenceSyntax? _syntax;
    private readonly string? _unsupportedHint;
    private readonly McpSecretNamer _namer = new();
    private readonly List<TextSplice> _edits = new();
    private readonly List<(string Id, string Description)> _newInputs = new();
    private readonly HashSet<string> _inputIds;
    private readonly HashSet<string> _warned = new(System.StringComparer.Ordinal);
    private readonly List<McpFinding> _findings = new();

    public McpRewriteSession(McpDocument document, McpClient client, McpRewriteOptions options, ISyncReporter reporter)
    {
        _document = document;
        _client = client;
        _options = options;
        _reporter = reporter;
        _syntax = McpDialect.SyntaxFor(client, options.Syntax);
        _unsupportedHint = McpDialect.UnsupportedHint(client, _syntax);
        if (_unsupportedHint is null && _syntax == McpReferenceSyntax.Input && McpInputsWriter.CannotAdd(document))
        {
            _unsupportedHint = "The file's \"inputs\" is not an array, so no input can be added; fix it or use -Syntax Env.";
        }

        _inputIds = McpInputsWriter.ExistingIds(document);
    }

    public void Add(McpDetection detection)
    {
        var finding = new McpFinding
        {
            File = _document.FilePath,
            ClientKind = _client,
            Server = detection.Server,
            JsonPointer = detection.JsonPointer,
            Match = detection.MatchKind,
            Line = detection.Line,
            Column = detection.Column,
        };
        _findings.Add(finding);
        if (detection.IsReference)
        {
            finding.ActionKind = McpAction.AlreadyReference;
            finding.Name = detection.Name;
            finding.Reference = detection.ReferenceText;
            if (detection.NeedsVariable && detection.Name is not null)
            {
                WarnIfUnset(finding, detection.Name);
            }

            return;
        }

        var secret = detection.Node.Value.Substring(detection.DecodedStart, detection.DecodedLength);
        var name = _namer.NameFor(detection, secret);
        finding.Name = _syntax == McpReferenceSyntax.Input ? McpDialect.InputId(name) : name;
        finding.Reference = _syntax is { } syntax ? McpDialect.Format(syntax, name) : null;
        if (detection.MatchKind != McpMatchKind.KnownValue && !_options.IncludeSuspected)
        {
            finding.ActionKind = McpAction.Suspected;
            finding.Hint = "Looks like a secret but matches no known value; run with -IncludeSuspected to rewrite it.";
            return;
        }

        if (detection.MatchKind != McpMatchKind.KnownValue && _options.OnlyCopyCheckedIn is { } checkedIn)
        {
            finding.ActionKind = McpAction.KeptOnlyCopy;
            finding.Hint = $"Kept: the value is the only copy ({checkedIn} does not hold it), so a reference would lose it. "
                + $"Keep it first: add {name}=<value> to .env, or Set-SophiaSecret -Name {name} -Target Esc; then run again. -Force replaces it anyway.";
            return;
        }

        if (_unsupportedHint is not null || finding.Reference is null)
        {
            finding.ActionKind = McpAction.Unsupported;
            finding.Reference = null;
            finding.Hint = _unsupportedHint;
            return;
        }

        finding.ActionKind = McpAction.Rewritten;
        _edits.Add(new TextSplice(detection.Offset, detection.Offset + detection.Length, McpJsonText.Escape(finding.Reference)));
        if (_syntax == McpReferenceSyntax.Input)
        {
            if (_inputIds.Add(finding.Name))
            {
                _newInputs.Add((finding.Name, $"{name} for the MCP server '{detection.Server}'"));
            }
        }
        else
        {
            if (_client == McpClient.VSCode && detection.Field == McpField.Header)
            {
                finding.Hint = "VS Code may not substitute ${env:...} in headers (microsoft/vscode#336232); -Syntax Input avoids it.";
            }

            WarnIfUnset(finding, name);
        }
    }

    public McpRewriteResult Finish()
    {
        if (_edits.Count == 0)
        {
            return new McpRewriteResult(_document.Text, changed: false, _findings);
        }

        if (McpInputsWriter.Build(_document, _newInputs) is { } inputsEdit)
        {
            _edits.Add(inputsEdit);
        }

        var text = TextSplices.Apply(_document.Text, _edits);
        return new McpRewriteResult(text, !string.Equals(text, _document.Text, System.StringComparison.Ordinal), _findings);
    }

    private void WarnIfUnset(McpFinding finding, string name)
    {
        if (_options.IsVariableSet is not { } isSet || isSet(name))
        {
            return;
        }

        var hint = $"{name} is not set in the environment: the client will pass the reference as text or an empty value. "
            + "Set it (e.g. from Pulumi ESC) before starting the client.";
        finding.Hint = finding.Hint is null ? hint : finding.Hint + " " + hint;
        if (_warned.Add(name))
        {
            _reporter.Warning($"{_document.FilePath}: server '{finding.Server}' references {name}, which is not set in the environment; set it before starting the client.");
        }
    }
}
