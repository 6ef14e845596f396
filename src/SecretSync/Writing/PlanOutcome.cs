namespace SecretSync.Writing;

/// <summary>What became of a <see cref="WritePlan"/>; the cmdlet reports each differently.</summary>
internal enum PlanOutcome
{
    /// <summary>Nothing to change: not confirmed, not applied.</summary>
    UpToDate,

    /// <summary>-WhatIf: shown, not applied.</summary>
    WhatIf,

    /// <summary>-Confirm answered no: not applied.</summary>
    Declined,

    /// <summary>Confirmed, not yet written (<see cref="SophiaWriteCmdlet.Approve"/>, for a flow that writes later).</summary>
    Approved,

    /// <summary>Confirmed and written.</summary>
    Applied,
}
