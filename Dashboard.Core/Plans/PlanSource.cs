namespace Dashboard.Core.Plans;

/// <summary>The notice a plan was entered from, as far as it is known: title, issuer (发文单位), number (文号), date and link.</summary>
public sealed record PlanSource(string? Title, string? Issuer, string? DocumentNumber, DateOnly? PublishedOn, string? Url)
{
    /// <summary>The source from a plan's columns, or null when none of them is filled in.</summary>
    public static PlanSource? Of(CutoverPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan is { SourceNotice: null, SourceIssuer: null, SourceDocumentNumber: null, SourcePublishedOn: null, SourceUrl: null }
            ? null
            : new PlanSource(plan.SourceNotice, plan.SourceIssuer, plan.SourceDocumentNumber, plan.SourcePublishedOn, plan.SourceUrl);
    }
}
