using System.Security;
using SecretSync.Core.Records.Secrets;

namespace SecretSync.Commands;

/// <summary>
/// <para type="synopsis">Runs a command (or a script block) with the variables of a Pulumi ESC environment, filtering secret values out of its output.</para>
/// <para type="description">Invoke-SophiaCommand opens the environment once, like esc run: every key of values.environmentVariables (secret or plain; numbers and booleans as text) becomes an environment variable of the command, and every key of values.files names a variable holding the path of a new temporary file (mode 0600) with that content, removed when the command ends, also when it fails or is stopped with Ctrl+C. The command inherits this session's environment unless -NoInherit; on a clash ESC's value wins (-Verbose names the variables). Arguments go to the program as an argument list, never through a shell: put -- before the command when its arguments look like parameters (docker run -e). Its stdout and stderr stream live, line by line, straight to this process's stdout and stderr (not down the pipeline, which costs several times as much on large outputs), with every secret value, each line of a multi-line one, and their base64 and URL-encoded forms replaced by [secret]. -Interactive connects the command to the console unfiltered. The exit code becomes $LASTEXITCODE, and a non-zero code is also an error (SecretSync.CommandFailed) naming the command and the code, so -ErrorAction Stop stops a runbook. -ScriptBlock runs a block in this session with the variables set and puts the previous values (or their absence) back afterwards, even when the block throws; its output is not filtered. -Source DotEnv takes the variables from .env files instead, for local development. In GitHub Actions every secret value is masked with ::add-mask:: before the command starts.</para>
/// </summary>
/// <example>
/// <code>Invoke-SophiaCommand ai-cherry/sophia-production npx -y @modelcontextprotocol/server-github</code>
/// <para>Starts an MCP server with the production secrets as environment variables; secret values it logs show as [secret].</para>
/// </example>
/// <example>
/// <code>Invoke-SophiaCommand ai-cherry/sophia-production -Name LINEAR_API_KEY, DATABASE_URL -- docker run --rm -e LINEAR_API_KEY -e DATABASE_URL sophia/api:latest</code>
/// <para>Runs a container that takes two variables from the environment (docker run -e NAME passes the value through, so it never appears on a command line).</para>
/// </example>
/// <example>
/// <code>Invoke-SophiaCommand ai-cherry/sophia-production ./deploy.sh production -ErrorAction Stop</code>
/// <para>Runs a deploy script; a non-zero exit code stops the runbook with SecretSync.CommandFailed and is in $LASTEXITCODE.</para>
/// </example>
/// <example>
/// <code>Invoke-SophiaCommand ai-cherry/sophia-production -ScriptBlock { ./migrate.ps1; ./smoke-test.ps1 }</code>
/// <para>Runs several steps with the variables set in this session; afterwards the session's environment is as before.</para>
/// </example>
/// <example>
/// <code>Invoke-SophiaCommand -Source DotEnv -Path .env.local -FilePath node -ArgumentList server.js</code>
/// <para>The same for local development, with the values of a .env file.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Invoke, "SophiaCommand", DefaultParameterSetName = EscCommandSet)]
[OutputType(typeof(PSObject))]
public sealed class InvokeSophiaCommandCommand : SophiaCmdlet
{
    private const string EscCommandSet = "EscCommand";
    private const string EscScriptSet = "EscScriptBlock";
    private const string DotEnvCommandSet = "DotEnvCommand";
    private const string DotEnvScriptSet = "DotEnvScriptBlock";
    private const string DotEnvLiteralCommandSet = "DotEnvLiteralCommand";
    private const string DotEnvLiteralScriptSet = "DotEnvLiteralScriptBlock";

    /// <summary>
    /// <para type="description">The ESC environments to open: org/env or org/project/env references, or names of "environments" in secretsync.json (shared names the base). With several, each is opened once and a later one's variable wins over an earlier one's of the same name (the shared base first), as ESC merges imports.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = EscCommandSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = EscScriptSet)]
    [ArgumentCompleter(typeof(EscEnvironmentCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Environment { get; set; } = [];

    /// <summary>
    /// <para type="description">The program to run: a name found on PATH or a path. Not run through a shell.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = EscCommandSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = DotEnvCommandSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = DotEnvLiteralCommandSet)]
    [ValidateNotNullOrEmpty]
    public string FilePath { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The program's arguments, each passed as it is (no splitting, no variable expansion). Everything after the program name binds here.</para>
    /// </summary>
    [Parameter(Position = 2, ValueFromRemainingArguments = true, ParameterSetName = EscCommandSet)]
    [Parameter(Position = 1, ValueFromRemainingArguments = true, ParameterSetName = DotEnvCommandSet)]
    [Parameter(Position = 1, ValueFromRemainingArguments = true, ParameterSetName = DotEnvLiteralCommandSet)]
    [AllowEmptyString]
    public string[] ArgumentList { get; set; } = [];

    /// <summary>
    /// <para type="description">A script block to run in this session with the variables set; the previous values (or their absence) come back afterwards, even when it throws.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = EscScriptSet)]
    [Parameter(Mandatory = true, ParameterSetName = DotEnvScriptSet)]
    [Parameter(Mandatory = true, ParameterSetName = DotEnvLiteralScriptSet)]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>
    /// <para type="description">Where the variables come from: Esc (default, -Environment) or DotEnv (-Path or -LiteralPath, for local development; every value counts as secret).</para>
    /// </summary>
    [Parameter(ParameterSetName = EscCommandSet)]
    [Parameter(ParameterSetName = EscScriptSet)]
    [Parameter(Mandatory = true, ParameterSetName = DotEnvCommandSet)]
    [Parameter(Mandatory = true, ParameterSetName = DotEnvLiteralCommandSet)]
    [Parameter(Mandatory = true, ParameterSetName = DotEnvScriptSet)]
    [Parameter(Mandatory = true, ParameterSetName = DotEnvLiteralScriptSet)]
    [ValidateSet("Esc", "DotEnv")]
    public SecretSource Source { get; set; } = SecretSource.Esc;

    /// <summary>
    /// <para type="description">With -Source DotEnv: the .env files to read. Wildcards are permitted. Default: envFiles of secretsync.json, else ./.env.</para>
    /// </summary>
    [Parameter(ParameterSetName = DotEnvCommandSet)]
    [Parameter(ParameterSetName = DotEnvScriptSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>
    /// <para type="description">With -Source DotEnv: the .env files to read, taken exactly as written: no character is a wildcard (a file named a[1].env).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = DotEnvLiteralCommandSet)]
    [Parameter(Mandatory = true, ParameterSetName = DotEnvLiteralScriptSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralPath { get; set; }

    /// <summary>
    /// <para type="description">Export only these variables (and files). Wildcards are permitted. All when omitted.</para>
    /// </summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>
    /// <para type="description">Connect the program to the console (stdin, stdout, stderr) without filtering, for programs that prompt or draw on the terminal. Secret values it prints are shown.</para>
    /// </summary>
    [Parameter(ParameterSetName = EscCommandSet)]
    [Parameter(ParameterSetName = DotEnvCommandSet)]
    [Parameter(ParameterSetName = DotEnvLiteralCommandSet)]
    public SwitchParameter Interactive { get; set; }

    /// <summary>
    /// <para type="description">Start the program with the exported variables only, not this session's environment (no PATH, HOME or tokens).</para>
    /// </summary>
    [Parameter(ParameterSetName = EscCommandSet)]
    [Parameter(ParameterSetName = DotEnvCommandSet)]
    [Parameter(ParameterSetName = DotEnvLiteralCommandSet)]
    public SwitchParameter NoInherit { get; set; }

    /// <summary>
    /// <para type="description">The program's working directory. Default: the current location.</para>
    /// </summary>
    [Parameter(ParameterSetName = EscCommandSet)]
    [Parameter(ParameterSetName = DotEnvCommandSet)]
    [Parameter(ParameterSetName = DotEnvLiteralCommandSet)]
    [ValidateNotNullOrEmpty]
    public string? WorkingDirectory { get; set; }

    /// <summary>
    /// <para type="description">Pulumi access token. Default: the PULUMI_ACCESS_TOKEN environment variable.</para>
    /// </summary>
    [Parameter(ParameterSetName = EscCommandSet)]
    [Parameter(ParameterSetName = EscScriptSet)]
    public SecureString? EscToken { get; set; }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        var environment = new RunEnvironmentLoader(this).Load(Source, Environment, LiteralPath ?? Path, LiteralPath is not null, EscToken, Name);
        var launch = new RunLaunch(this, environment);
        using var files = launch.WriteFiles();
        try
        {
            if (ScriptBlock is not null)
            {
                launch.RunScript(ScriptBlock);
            }
            else
            {
                launch.RunCommand(FilePath, ArgumentList, WorkingDirectory, Interactive, !NoInherit);
            }
        }
        finally
        {
            files.Dispose();
            foreach (var left in files.Remaining)
            {
                WriteWarning($"Could not remove the temporary file {left}; delete it by hand.");
            }
        }
    }
}
