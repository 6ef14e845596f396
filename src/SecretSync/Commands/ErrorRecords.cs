using SecretSync.Core;
using SecretSync.Core.DotEnv;
using SecretSync.Core.Plumbing.Credentials;
using SecretSync.Core.Plumbing.Files;
using SecretSync.Core.Plumbing.Git;
using SecretSync.Core.Plumbing.Http;
using SecretSync.Core.Records.Catalog;
using SecretSync.Core.Stores.Esc;
using SecretSync.Core.Stores.Export;
using SecretSync.Core.Stores.GitHub.Api;
using SecretSync.Core.Stores.GitHub.Workflow;
using SecretSync.Core.Stores.Mcp.Json;
using SecretSync.Core.Stores.Templates;

namespace SecretSync.Commands;

/// <summary>
/// The one place ErrorRecords are made: Core exceptions through <see cref="From"/>, the cmdlets' own conditions
/// through one method each, so every ErrorId and ErrorCategory of the module is written here once. ErrorIds are part
/// of the module's API: tests assert them, so each stands for one condition and never changes with the message.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(SecretSyncException exception, object? target)
    {
        var (id, category) = exception switch
        {
            ConfigParseException => ("SecretSync.ConfigParseError", ErrorCategory.ParserError),
            DotEnvParseException => ("SecretSync.DotEnvParseError", ErrorCategory.ParserError),
            McpConfigParseException => ("SecretSync.McpConfigParseError", ErrorCategory.ParserError),
            FileParseException => ("SecretSync.FileParseError", ErrorCategory.ParserError),
            MissingCredentialException => ("SecretSync.MissingCredential", ErrorCategory.AuthenticationError),
            InsecureEndpointException => ("SecretSync.InsecureEndpoint", ErrorCategory.SecurityError),
            EscApprovalRequiredException { ForOpen: true } => ("SecretSync.EscOpenApprovalRequired", ErrorCategory.PermissionDenied),
            EscApprovalRequiredException => ("SecretSync.EscApprovalRequired", ErrorCategory.PermissionDenied),
            UnexpectedServiceReplyException => ("SecretSync.UnexpectedServiceReply", ErrorCategory.InvalidResult),
            ServiceAuthenticationException => ("SecretSync.AuthenticationFailed", ErrorCategory.PermissionDenied),
            ServiceNotFoundException => ("SecretSync.NotFound", ErrorCategory.ObjectNotFound),
            ServiceUnavailableException => ("SecretSync.ServiceUnavailable", ErrorCategory.ConnectionError),
            EscDiagnosticsException => ("SecretSync.EscDiagnostics", ErrorCategory.InvalidData),
            EscConflictException => ("SecretSync.EscConflict", ErrorCategory.ResourceBusy),
            ServiceException => ("SecretSync.ServiceError", ErrorCategory.NotSpecified),
            PushNotRecordedException => ("SecretSync.PushNotRecorded", ErrorCategory.WriteError),
            PushLedgerUnavailableException => ("SecretSync.PushLedgerUnavailable", ErrorCategory.WriteError),
            InvalidGitHubSecretException { IsTooLarge: true } => ("SecretSync.ValueTooLarge", ErrorCategory.InvalidArgument),
            InvalidGitHubSecretException => ("SecretSync.InvalidGitHubName", ErrorCategory.InvalidArgument),
            WorkflowGenerationException => ("SecretSync.WorkflowConfigError", ErrorCategory.InvalidData),
            WorkflowUnsafeException => ("SecretSync.WorkflowUnsafe", ErrorCategory.SecurityError),
            TemplateExistsException => ("SecretSync.TemplateExists", ErrorCategory.ResourceExists),
            SecretValueTooLongException => ("SecretSync.ValueTooLarge", ErrorCategory.InvalidData),
            ValueNotPortableException => ("SecretSync.ValueNotPortable", ErrorCategory.InvalidData),
            DotEnvDialectMismatchException => ("SecretSync.DotEnvDialectMismatch", ErrorCategory.InvalidData),
            ExportNameException => ("SecretSync.InvalidName", ErrorCategory.InvalidArgument),
            ExportTargetNotIgnoredException { IsTracked: true } => ("SecretSync.FileTrackedByGit", ErrorCategory.SecurityError),
            ExportTargetNotIgnoredException => ("SecretSync.FileNotIgnoredByGit", ErrorCategory.SecurityError),
            ExportTargetUnverifiedException { Failure: GitFailure.NotInstalled } => ("SecretSync.GitNotFound", ErrorCategory.SecurityError),
            ExportTargetUnverifiedException { Failure: GitFailure.DubiousOwnership } => ("SecretSync.GitDubiousOwnership", ErrorCategory.SecurityError),
            ExportTargetUnverifiedException => ("SecretSync.GitFailed", ErrorCategory.SecurityError),
            GitCommandException { Failure: GitFailure.NotInstalled } => ("SecretSync.GitNotFound", ErrorCategory.NotInstalled),
            GitCommandException { Failure: GitFailure.DubiousOwnership } => ("SecretSync.GitDubiousOwnership", ErrorCategory.SecurityError),
            GitCommandException => ("SecretSync.GitFailed", ErrorCategory.InvalidResult),
            FileChangedException => ("SecretSync.FileChanged", ErrorCategory.ResourceBusy),
            FileReadOnlyException => ("SecretSync.FileReadOnly", ErrorCategory.PermissionDenied),
            _ => ("SecretSync.Error", ErrorCategory.InvalidOperation),
        };
        return Create(exception, id, category, target);
    }

    public static ErrorRecord CommandFailed(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.CommandFailed", ErrorCategory.NotSpecified, target, recommendedAction);

    public static ErrorRecord CommandNotFound(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.CommandNotFound", ErrorCategory.ObjectNotFound, target, recommendedAction);

    public static ErrorRecord CommandStartFailed(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.CommandStartFailed", ErrorCategory.OpenError, target, recommendedAction);

    public static ErrorRecord ConfigExists(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.ConfigExists", ErrorCategory.ResourceExists, target, recommendedAction);

    public static ErrorRecord DockerEnvValueRefused(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.DockerEnvValueRefused", ErrorCategory.InvalidData, target, recommendedAction);

    public static ErrorRecord EnvironmentNotFound(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.EnvironmentNotFound", ErrorCategory.ObjectNotFound, target, recommendedAction);

    public static ErrorRecord EnvironmentRequired(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.EnvironmentRequired", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord EnvironmentSyncFailed(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.EnvironmentSyncFailed", ErrorCategory.NotSpecified, target, recommendedAction);

    public static ErrorRecord EnvironmentUnreadable(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.EnvironmentUnreadable", ErrorCategory.ReadError, target, recommendedAction);

    public static ErrorRecord FileNotFound(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.FileNotFound", ErrorCategory.ObjectNotFound, target, recommendedAction);

    public static ErrorRecord GitHubEnvNotSet(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.GitHubEnvNotSet", ErrorCategory.InvalidOperation, target, recommendedAction);

    public static ErrorRecord InvalidEnvironment(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.InvalidEnvironment", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord InvalidInputObject(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.InvalidInputObject", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord InvalidSecretName(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.InvalidSecretName", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord InvalidVisibility(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.InvalidVisibility", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord InvalidWorkflowInput(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.InvalidWorkflowInput", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord McpConfigAccessError(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.McpConfigAccessError", ErrorCategory.WriteError, target, recommendedAction);

    public static ErrorRecord NoValue(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.NoValue", ErrorCategory.InvalidData, target, recommendedAction);

    public static ErrorRecord NotFileSystemPath(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.NotFileSystemPath", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord OnlyCopy(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.OnlyCopy", ErrorCategory.InvalidOperation, target, recommendedAction);

    public static ErrorRecord PathNotFound(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.PathNotFound", ErrorCategory.ObjectNotFound, target, recommendedAction);

    public static ErrorRecord PathRequired(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.PathRequired", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord PlainTextRequired(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.PlainTextRequired", ErrorCategory.InvalidOperation, target, recommendedAction);

    public static ErrorRecord PruneEverything(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.PruneEverything", ErrorCategory.InvalidOperation, target, recommendedAction);

    public static ErrorRecord RepositoryRequired(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.RepositoryRequired", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord SecretNotFound(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.SecretNotFound", ErrorCategory.ObjectNotFound, target, recommendedAction);

    public static ErrorRecord SecretNotInCatalog(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.SecretNotInCatalog", ErrorCategory.ObjectNotFound, target, recommendedAction);

    public static ErrorRecord TempFileFailed(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.TempFileFailed", ErrorCategory.WriteError, target, recommendedAction);

    public static ErrorRecord ValueNotRepresentable(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.ValueNotRepresentable", ErrorCategory.InvalidData, target, recommendedAction);

    public static ErrorRecord ValueRequired(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.ValueRequired", ErrorCategory.InvalidArgument, target, recommendedAction);

    public static ErrorRecord WorkflowExists(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.WorkflowExists", ErrorCategory.ResourceExists, target, recommendedAction);

    public static ErrorRecord WorkflowRunFailed(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.WorkflowRunFailed", ErrorCategory.InvalidResult, target, recommendedAction);

    public static ErrorRecord WorkflowRunTimeout(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.WorkflowRunTimeout", ErrorCategory.OperationTimeout, target, recommendedAction);

    public static ErrorRecord WorkflowStale(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.WorkflowStale", ErrorCategory.InvalidData, target, recommendedAction);

    public static ErrorRecord WorkflowUnreadable(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.WorkflowUnreadable", ErrorCategory.ParserError, target, recommendedAction);

    public static ErrorRecord WriteFailed(Exception exception, object? target, string? recommendedAction = null) =>
        Create(exception, "SecretSync.WriteFailed", ErrorCategory.WriteError, target, recommendedAction);

    private static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        var record = new ErrorRecord(exception, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(exception.Message),
        };
        if (recommendedAction is not null)
        {
            record.ErrorDetails.RecommendedAction = recommendedAction;
        }

        return record;
    }
}
