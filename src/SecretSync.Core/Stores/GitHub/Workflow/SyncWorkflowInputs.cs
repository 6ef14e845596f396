namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>Everything the workflow text depends on, resolved and validated before a line is written.</summary>
internal sealed class SyncWorkflowInputs
{
    private const string DefaultTemplateName = ".env.template";

    private static readonly Regex s_escEnvironment = new("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*){1,2}$");
    private static readonly Regex s_organization = new("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$");
    private static readonly Regex s_moduleVersion = new(@"^[0-9]+(\.[0-9]+){1,3}$");
    private static readonly Regex s_repositoryUri = new(@"^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/+-]*)?$");
    private static readonly Regex s_branch = new("^[A-Za-z0-9._/-]+$");

    private SyncWorkflowInputs(SecretCatalog catalog, string escEnvironment, string workflowPath, string workingDirectory, string templatePath)
    {
        Catalog = catalog;
        EscEnvironment = escEnvironment;
        WorkflowPath = workflowPath;
        WorkingDirectory = workingDirectory;
        TemplatePath = templatePath;
    }

    public SecretCatalog Catalog { get; }

    public string EscEnvironment { get; }

    /// <summary>Relative to the repository root, like every trigger path.</summary>
    public string WorkflowPath { get; }

    /// <summary>secretsync.json relative to the repository root, or null when there is none.</summary>
    public string? ConfigPath { get; private init; }

    /// <summary>The folder of secretsync.json relative to the repository root: the steps run there so the cmdlets find it.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Relative to <see cref="WorkingDirectory"/>, like the other paths the steps use.</summary>
    public string TemplatePath { get; }

    /// <summary>Relative to <see cref="WorkingDirectory"/>.</summary>
    public IReadOnlyList<string> McpConfigPaths { get; private init; } = [];

    public string? Organization { get; private init; }

    public ModuleSource ModuleSource { get; private init; }

    /// <summary>Exact version for Repository and Gallery; null for Path.</summary>
    public string? ModuleVersion { get; private init; }

    /// <summary>The organisation's PSResource repository (Repository only).</summary>
    public string? RepositoryUri { get; private init; }

    public string Branch { get; private init; } = "main";

    public int TimeoutMinutes { get; private init; }

    public static SyncWorkflowInputs Resolve(SecretCatalog catalog, ProjectConfig config, WorkflowOptions options)
    {
        var root = options.RepositoryRoot ?? config.Directory
            ?? throw new WorkflowGenerationException("No secretsync.json was found, so the repository root is unknown; run from the repository or pass its root.");
        var workingDirectory = config.Directory ?? root;
        var workflow = options.WorkflowPath ?? config.Workflow ?? Path.Combine(root, WorkflowOptions.DefaultWorkflowPath);
        var template = config.Template ?? Path.Combine(workingDirectory, DefaultTemplateName);

        return new SyncWorkflowInputs(
            catalog,
            // With "environments" every target names its own ESC environment (checked when secretsync.json was read).
            config.Environments.Count > 0 && (options.EscEnvironment ?? config.EscEnvironment) is null
                ? string.Empty
                : Check(options.EscEnvironment ?? config.EscEnvironment, s_escEnvironment, "ESC environment", "org/[project/]env; set \"escEnvironment\" in secretsync.json"),
            RepositoryPath.Relative(root, root, workflow, "workflow file"),
            RepositoryPath.Relative(root, root, workingDirectory, "secretsync.json folder"),
            RepositoryPath.Relative(root, workingDirectory, template, ".env template"))
        {
            ConfigPath = config.FilePath is null ? null : RepositoryPath.Relative(root, root, config.FilePath, "secretsync.json"),
            McpConfigPaths = config.McpConfigs.Select(p => RepositoryPath.Relative(root, workingDirectory, p, "MCP config")).Distinct().ToList(),
            Organization = config.GitHubOrganization is null ? null : Check(config.GitHubOrganization, s_organization, "GitHub organization", "letters, digits and inner hyphens"),
            ModuleSource = options.ModuleSource,
            ModuleVersion = options.ModuleSource == ModuleSource.Path
                ? Unused(options.ModuleVersion, "-ModuleVersion", options.ModuleSource)
                : Check(options.ModuleVersion, s_moduleVersion, "module version", $"the exact version to install, such as -ModuleVersion 1.2.0: the job holds every organisation secret, so {options.ModuleSource} never installs \"latest\""),
            RepositoryUri = options.ModuleSource == ModuleSource.Repository
                ? Check(options.RepositoryUri, s_repositoryUri, "module repository URI", "the https URI of the organisation's PSResource (NuGet) repository, such as -RepositoryUri https://pkgs.example.com/nuget/v3/index.json")
                : Unused(options.RepositoryUri, "-RepositoryUri", options.ModuleSource),
            Branch = Check(options.Branch, s_branch, "branch", "a branch name such as main"),
            TimeoutMinutes = options.TimeoutMinutes > 0 ? options.TimeoutMinutes : throw new WorkflowGenerationException($"The timeout must be at least one minute, not {options.TimeoutMinutes}."),
        };
    }

    /// <summary>Refuses a choice that the module source would ignore: a silently ignored pin is worse than none.</summary>
    private static string? Unused(string? value, string parameter, ModuleSource source) =>
        value is null ? null : throw new WorkflowGenerationException($"{parameter} does not apply to -ModuleSource {source}; it is for {(parameter == "-ModuleVersion" ? "Repository and Gallery" : "Repository")} (Path builds the module from the checked-out commit).");

    private static string Check(string? value, Regex pattern, string what, string expected)
    {
        if (value is null)
        {
            throw new WorkflowGenerationException($"The sync workflow needs a {what} ({expected}).");
        }

        return pattern.IsMatch(value) ? value : throw new WorkflowGenerationException($"The {what} '{value}' is not valid: expected {expected}.");
    }
}
