using System;
using System.Management.Automation;
using SecretSync.Core;
using SecretSync.Core.Configuration;
using SecretSync.Core.Credentials;
using SecretSync.Core.DotEnv;
using SecretSync.Core.Esc;
using SecretSync.Core.Export;
using SecretSync.Core.Files;
using SecretSync.Core.Git;
using SecretSync.Core.GitHub;
using SecretSync.Core.Http;
using SecretSync.Core.Mcp;
using SecretSync.Core.Secrets;
using SecretSync.Core.Templates;

namespace SecretSync.Commands;

/// <summary>
/// The one place that turns Core exceptions into ErrorRecords. ErrorIds are part of the module's API: tests
/// assert them, so each stands for one condition and never changes with the message.
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

    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
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
