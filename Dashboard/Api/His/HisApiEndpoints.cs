using Dashboard.Core.ApiKeys;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Records;
using Dashboard.Core.Records.Intake;

namespace Dashboard.Api.His;

/// <summary>
/// <c>/api/v1/facilities/{facilityId}/held-patients</c> and <c>…/paper-forms</c>: a hospital system,
/// with its facility's key, creates and reads that facility's records as its billing desk does.
/// </summary>
internal static class HisApiEndpoints
{
    private static readonly HisRecordApi<HeldPatientInput, HeldPatientResource, HeldPatientListItem> HeldPatients = new(
        "held-patients", "HeldPatient",
        (services, scope, facilityId, rows, cancellation) => services.GetRequiredService<BulkIntake>()
            .AddHeldPatientsAsync(scope, [.. rows.Select(r => new HeldPatientIntakeRow(facilityId, r))], cancellation),
        async (services, scope, id, cancellation) =>
            await services.GetRequiredService<HeldPatientQueries>().GetAsync(scope, id, cancellation) is { } p ? HeldPatientResource.Of(p) : null,
        async (services, scope, skip, take, cancellation) =>
        {
            var page = await services.GetRequiredService<HeldPatientQueries>().SearchAsync(scope, new HeldPatientFilter(), skip, take, cancellation);
            return ([.. page.Items.Select(HeldPatientListItem.Of)], page.TotalCount);
        });

    private static readonly HisRecordApi<PaperFormInput, PaperFormResource, PaperFormListItem> PaperForms = new(
        "paper-forms", "PaperForm",
        (services, scope, facilityId, rows, cancellation) =>
        {
            foreach (var row in rows)
            {
                row.FacilityId = facilityId;
            }

            return services.GetRequiredService<BulkIntake>().AddPaperFormsAsync(scope, rows, cancellation);
        },
        async (services, scope, id, cancellation) =>
            await services.GetRequiredService<PaperFormQueries>().GetAsync(scope, id, cancellation) is { } f ? PaperFormResource.Of(f) : null,
        async (services, scope, skip, take, cancellation) =>
        {
            var page = await services.GetRequiredService<PaperFormQueries>().SearchAsync(scope, new PaperFormFilter(), skip, take, cancellation);
            return ([.. page.Items.Select(PaperFormListItem.Of)], page.TotalCount);
        });

    public static void MapHisApi(this IEndpointRouteBuilder endpoints)
    {
        var facility = endpoints.MapGroup(HisApiPipeline.Prefix + "/facilities/{facilityId:int}")
            .RequireAuthorization(HisApiPipeline.KeyPolicy)
            .RequireRateLimiting(HisApiRateLimitPolicy.Name)
            .AddEndpointFilter(OnlyTheKeysFacilityAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        facility.MapRecords(HeldPatients);
        facility.MapRecords(PaperForms);
    }

    /// <summary>A key acts for its own facility only: another facility's path is 403, audited.</summary>
    private static async ValueTask<object?> OnlyTheKeysFacilityAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var caller = context.Features.Get<ApiKeyCaller>()!;
        if (context.Request.RouteValues["facilityId"]?.ToString() == caller.FacilityId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return await next(invocation);
        }

        await context.RequestServices.GetRequiredService<ApiRequestAudit>().RecordRefusalAsync(ApiKeyRefusal.WrongFacility, caller, null,
            context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        return context.RequestServices.GetRequiredService<HisApiProblems>().Problem(context, StatusCodes.Status403Forbidden, "HisApi_RefusedWrongFacility");
    }
}
