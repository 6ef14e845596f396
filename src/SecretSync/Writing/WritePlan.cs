namespace SecretSync.Writing;

/// <summary>
/// What a writing cmdlet is about to write, decided before anything is written: -WhatIf prints it, -Confirm asks
/// about it, and the apply step writes exactly it (nothing is planned twice). Names secrets, never values.
/// </summary>
internal class WritePlan
{
    /// <summary>A plan for a file or other target that names no secrets: "Write the .env template" on the path.</summary>
    public WritePlan(string target, string action, bool hasChanges)
    {
        Target = target;
        Action = action;
        HasChanges = hasChanges;
    }

    /// <summary>A plan that writes secrets: "Set 3 secrets (A, B, C) in acme/default/prod" (<see cref="SecretsMessage"/>).</summary>
    public WritePlan(string target, string verb, IEnumerable<string> secrets, string where, bool hasChanges, string? detail = null)
        : this(target, verb, hasChanges)
    {
        Secrets = secrets.ToList();
        Where = where;
        Detail = detail;
    }

    /// <summary>The file, ESC environment or GitHub organisation written.</summary>
    public string Target { get; }

    /// <summary>The operation ("Write the .env template"), or with <see cref="Secrets"/> its verb ("Set").</summary>
    public string Action { get; }

    /// <summary>The secrets written, named in the -WhatIf line and the -Confirm question; null for a plan that names none.</summary>
    public IReadOnlyList<string>? Secrets { get; }

    /// <summary>With <see cref="Secrets"/>: where they go ("in acme/default/prod", "to ./.env").</summary>
    public string? Where { get; }

    /// <summary>With <see cref="Secrets"/>: what else the operator should know ("2 added, in one revision").</summary>
    public string? Detail { get; }

    /// <summary>False when applying would change nothing: the plan is reported as it is, never confirmed or applied.</summary>
    public bool HasChanges { get; }

    /// <summary>Shown to the operator before the -WhatIf line (the diff of a generated file), or null.</summary>
    public string? Preview { get; set; }

    /// <summary>The text of the -WhatIf line and the -Confirm question.</summary>
    public string Describe() => Secrets is null
        ? $"{Action} on {Target}"
        : SecretsMessage.Describe(Action, Secrets, Where!) + (Detail is null ? string.Empty : $": {Detail}");
}
