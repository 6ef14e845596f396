namespace SecretSync.Core.Stores.GitHub.Workflow;

/// <summary>
/// The jobs of a many-environment sync workflow: <c>shared</c> syncs the base environment, then <c>sync</c> runs
/// one job per environment (<c>strategy.matrix</c>, <c>fail-fast: false</c> so one failure neither cancels nor hides
/// the others), each in its GitHub Actions environment when secretsync.json names one, and each given only the
/// secrets it needs; <c>template</c> regenerates .env.template with no secret at all.
/// </summary>
internal static class SyncWorkflowMatrixJobs
{
    /// <summary>The variable that tells the sync step its matrix entry; the script reads it, never the expression.</summary>
    public const string TargetVariable = "SECRETSYNC_TARGET";

    public static void Write(WorkflowYamlWriter yaml, SyncWorkflowInputs inputs, SyncWorkflowMatrix matrix)
    {
        yaml.BeginMapping("jobs");
        if (matrix.Shared is { } shared)
        {
            WriteSharedJob(yaml, inputs, matrix, shared);
            yaml.Blank();
        }

        WriteMatrixJob(yaml, inputs, matrix);
        yaml.Blank();
        WriteTemplateJob(yaml, inputs);
        yaml.End();
    }

    private static void WriteSharedJob(WorkflowYamlWriter yaml, SyncWorkflowInputs inputs, SyncWorkflowMatrix matrix, EnvironmentTarget shared)
    {
        yaml.BeginMapping("shared");
        yaml.Scalar("name", "Sync the shared base " + shared.Esc);
        SyncWorkflowGenerator.WriteJobHeader(yaml, inputs, "read", "checkout only");
        if (shared.GitHubEnvironment is { } environment)
        {
            yaml.Scalar("environment", environment);
        }

        yaml.BeginSequence("steps");
        SyncWorkflowGenerator.WriteSetupSteps(yaml, inputs);
        SyncWorkflowGenerator.Step(yaml, SyncWorkflowGenerator.SyncStepName, () =>
        {
            yaml.BeginMapping("env");
            yaml.Comment("The names the shared base carries, and the ESC token.");
            foreach (var secret in matrix.SharedSecrets)
            {
                yaml.Scalar(secret.Variable, $"${{{{ secrets.{secret.GitHubName} }}}}");
            }

            yaml.End();
            yaml.Literal("run", SyncWorkflowScripts.SyncTarget(inputs, "'" + EnvironmentTarget.SharedName + "'"));
        });
        yaml.End();
        yaml.End();
    }

    private static void WriteMatrixJob(WorkflowYamlWriter yaml, SyncWorkflowInputs inputs, SyncWorkflowMatrix matrix)
    {
        yaml.BeginMapping("sync");
        if (matrix.Shared is not null)
        {
            yaml.Comment("Each environment imports the shared base: it is written first.");
            yaml.Scalar("needs", "shared");
        }

        SyncWorkflowGenerator.WriteJobHeader(yaml, inputs, "read", "checkout only");
        yaml.BeginMapping("strategy");
        yaml.Comment("One environment's failure neither cancels nor hides the others; the run fails if any did.");
        yaml.Scalar("fail-fast", "false");
        yaml.BeginMapping("matrix");
        yaml.BeginSequence("include");
        foreach (var target in matrix.Targets)
        {
            yaml.BeginItemMapping();
            yaml.Scalar("target", target.Name);
            if (target.GitHubEnvironment is { } environment)
            {
                yaml.Scalar("environment", environment);
            }

            yaml.End();
        }

        yaml.End();
        yaml.End();
        yaml.End();
        if (matrix.UsesGitHubEnvironments)
        {
            yaml.Comment("Protection rules (required reviewers on production) apply per environment.");
            yaml.Scalar("environment", "${{ matrix.environment }}");
        }

        yaml.BeginSequence("steps");
        SyncWorkflowGenerator.WriteSetupSteps(yaml, inputs);
        SyncWorkflowGenerator.Step(yaml, SyncWorkflowGenerator.SyncStepName, () =>
        {
            yaml.BeginMapping("env");
            yaml.Scalar(TargetVariable, "${{ matrix.target }}");
            yaml.Comment("Each secret evaluates to empty (and is not collected) in the environments that do not need it.");
            foreach (var (secret, targets) in matrix.TargetSecrets)
            {
                yaml.Scalar(secret.Variable, SyncWorkflowMatrix.Condition(secret, targets));
            }

            yaml.End();
            yaml.Literal("run", SyncWorkflowScripts.SyncTarget(inputs, "$env:" + TargetVariable));
        });
        yaml.End();
        yaml.End();
    }

    private static void WriteTemplateJob(WorkflowYamlWriter yaml, SyncWorkflowInputs inputs)
    {
        yaml.BeginMapping("template");
        yaml.Scalar("name", "Regenerate the .env template");
        SyncWorkflowGenerator.WriteJobHeader(yaml, inputs, "write", "to commit .env.template back; no secret reaches this job");
        yaml.BeginSequence("steps");
        SyncWorkflowGenerator.WriteSetupSteps(yaml, inputs);
        SyncWorkflowGenerator.Step(yaml, "Regenerate the .env template", () => yaml.Literal("run", SyncWorkflowScripts.Template(inputs)));
        SyncWorkflowGenerator.Step(yaml, "Commit changed configuration files", () =>
        {
            yaml.Scalar("if", "github.ref_type == 'branch'");
            yaml.Literal("run", SyncWorkflowScripts.Commit(inputs));
        });
        yaml.End();
        yaml.End();
    }
}
