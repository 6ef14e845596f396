using SecretSync.Writing;

namespace SecretSync;

/// <summary>
/// Base of the cmdlets that write (secrets, files, configs). Each follows the same steps: collect its input, build a
/// <see cref="WritePlan"/>, confirm it with ShouldProcess in the words of the plan (the names it writes, never a
/// value), apply exactly that plan, and report. -WhatIf therefore shows what the apply step would write, and the work
/// of planning is done once.
/// </summary>
public abstract class SophiaWriteCmdlet : SophiaCmdlet
{
    /// <summary>
    /// Confirms and applies <paramref name="plan"/>, then hands <paramref name="report"/> the outcome and what
    /// <paramref name="apply"/> returned (default unless applied). A plan without changes is reported up to date.
    /// </summary>
    internal void PlanAndApply<TPlan, TResult>(TPlan plan, Func<TPlan, TResult> apply, Action<TPlan, PlanOutcome, TResult?> report)
        where TPlan : WritePlan
    {
        if (Approve(plan) is var outcome && outcome != PlanOutcome.Approved)
        {
            report(plan, outcome, default);
            return;
        }

        report(plan, PlanOutcome.Applied, apply(plan));
    }

    /// <summary>
    /// The asking half of <see cref="PlanAndApply{TPlan, TResult}"/>, for a flow that asks about several plans before
    /// it writes them together (Sync-SophiaSecret to several environments): the plan in the verbose stream, its
    /// preview with -WhatIf, ShouldProcess naming its secrets. Approved (or UpToDate) means write it.
    /// </summary>
    internal PlanOutcome Approve(WritePlan plan)
    {
        WriteVerbose($"Plan: {plan.Describe()}{(plan.HasChanges ? string.Empty : " (nothing to change)")}.");
        if (!plan.HasChanges)
        {
            return PlanOutcome.UpToDate;
        }

        var whatIf = WhatIfRequested;
        if (whatIf && plan.Preview is { } preview)
        {
            WriteInformation(new HostInformationMessage { Message = preview }, ["PSHOST"]);
        }

        return Confirm(plan) ? PlanOutcome.Approved : whatIf ? PlanOutcome.WhatIf : PlanOutcome.Declined;
    }

    /// <summary><see cref="PlanAndApply{TPlan, TResult}"/> for an apply step that returns nothing.</summary>
    internal void PlanAndApply<TPlan>(TPlan plan, Action<TPlan> apply, Action<TPlan, PlanOutcome> report)
        where TPlan : WritePlan =>
        PlanAndApply<TPlan, bool>(plan, p => { apply(p); return true; }, (p, outcome, _) => report(p, outcome));

    // A plan that names secrets asks about them ("Set 3 secrets (A, B, C) in ..."); others in PowerShell's own words.
    private bool Confirm(WritePlan plan)
    {
        if (plan.Secrets is null)
        {
            return ShouldProcess(plan.Target, plan.Action);
        }

        var text = plan.Describe();
        return ShouldProcess(text + ".", text + "?", "Confirm");
    }
}
