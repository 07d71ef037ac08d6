using Dashboard.Core.Plans;

namespace Dashboard.Api;

/// <summary>Public, read-only JSON of regions and their plans. It carries no personal data.</summary>
internal static class RegionsApi
{
    public static void MapRegionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/regions");

        group.MapGet("/", async (CutoverPlanService plans, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var now = clock.GetUtcNow();
            var all = await plans.GetPlansAsync(cancellationToken);
            return TypedResults.Ok(all.Select(p => p.ToSummary(now)).ToList());
        });

        group.MapGet("/{code}/plan", async Task<IResult> (string code, CutoverPlanService plans, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var plan = await plans.GetPlanAsync(code, cancellationToken);
            return plan is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Region not found", detail: $"There is no region with the code '{code}'.")
                : TypedResults.Ok(plan.ToPlan(clock.GetUtcNow()));
        });

        // A subscribable calendar of the region's milestones (public, like the plan itself).
        group.MapGet("/{code}/calendar.ics", async Task<IResult> (string code, CutoverPlanService plans, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var plan = await plans.GetPlanAsync(code, cancellationToken);
            return plan is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Region not found", detail: $"There is no region with the code '{code}'.")
                : TypedResults.Text(CalendarFeed.Build(plan, clock.GetUtcNow()), "text/calendar; charset=utf-8");
        });
    }
}
