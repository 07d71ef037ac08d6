using Dashboard.Core.ApiKeys;
using Dashboard.Core.Records.Intake;
using Microsoft.Extensions.Options;

namespace Dashboard.Api.His;

/// <summary>
/// The four endpoints of a kind of record: create one, create a batch, read one, list a page. Rows go
/// through <see cref="BulkIntake"/>, so validation, duplicates and the per-record audit are the forms'.
/// </summary>
internal static class HisRecordEndpoints
{
    public const int DefaultPageSize = 50;

    public static void MapRecords<TInput, TResource, TItem>(this RouteGroupBuilder facility, HisRecordApi<TInput, TResource, TItem> kind)
        where TInput : class
        where TResource : class
    {
        var records = facility.MapGroup("/" + kind.Segment).WithTags(kind.Tag);

        records.MapPost("/", async (int facilityId, HttpContext context, HisApiBody body, HisApiProblems problems) =>
        {
            var (input, invalid) = await body.ReadAsync<TInput>(context);
            if (input is null)
            {
                return invalid!;
            }

            var result = await kind.AddAsync(context.RequestServices, ScopeOf(context), facilityId, [input], context.RequestAborted);
            if (result.Ids[0] is { } id)
            {
                return TypedResults.Created($"{HisApiPipeline.Prefix}/facilities/{facilityId}/{kind.Segment}/{id}", new CreatedResource(id));
            }

            var text = problems.For(context);
            return problems.Problem(context, StatusCodes.Status422UnprocessableEntity, "HisApi_RowRefused",
                new Dictionary<string, object?> { ["errors"] = HisApiProblems.FieldErrors(text, result.Refused[0].Errors) });
        })
        .WithName($"Create{kind.Tag}").WithSummary($"Create one {kind.Segment} record")
        .Accepts<TInput>("application/json")
        .Produces<CreatedResource>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        records.MapPost("/batch", async (int facilityId, HttpContext context, HisApiBody body, HisApiProblems problems, IOptions<HisApiOptions> options) =>
        {
            var (batch, invalid) = await body.ReadAsync<BatchRequest<TInput>>(context);
            if (batch is null)
            {
                return invalid!;
            }

            if (batch.Rows is not { Count: > 0 } rows || rows.Count > options.Value.MaxBatchRows || rows.Any(r => r is null))
            {
                return problems.Problem(context, StatusCodes.Status400BadRequest, "HisApi_BatchSize", null, options.Value.MaxBatchRows);
            }

            var result = await kind.AddAsync(context.RequestServices, ScopeOf(context), facilityId, rows, context.RequestAborted);
            var text = problems.For(context);
            var refused = result.Refused.Select(r => new RowErrors(r.Row, HisApiProblems.FieldErrors(text, r.Errors))).ToList();
            var answer = new BatchResult(result.Ids, result.Written, refused);
            return result.Written == rows.Count ? TypedResults.Json(answer, statusCode: StatusCodes.Status201Created)
                : result.Written > 0 ? TypedResults.Json(answer, statusCode: StatusCodes.Status207MultiStatus)
                : problems.Problem(context, StatusCodes.Status422UnprocessableEntity, "HisApi_BatchRefused",
                    new Dictionary<string, object?> { ["ids"] = result.Ids, ["created"] = 0, ["refused"] = refused });
        })
        .WithName($"Create{kind.Tag}Batch").WithSummary($"Create a batch of {kind.Segment} records in one transaction; refused rows do not stop the others")
        .Accepts<BatchRequest<TInput>>("application/json")
        .Produces<BatchResult>(StatusCodes.Status201Created)
        .Produces<BatchResult>(StatusCodes.Status207MultiStatus)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        records.MapGet("/{id:int}", async (int facilityId, int id, HttpContext context, HisApiProblems problems) =>
            await kind.GetAsync(context.RequestServices, ScopeOf(context), id, context.RequestAborted) is { } found
                ? TypedResults.Ok(found)
                : problems.Problem(context, StatusCodes.Status404NotFound, "HisApi_RecordNotFound"))
        .WithName($"Get{kind.Tag}").WithSummary($"Read one {kind.Segment} record of the key's facility")
        .Produces<TResource>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        records.MapGet("/", async (int facilityId, HttpContext context, int? page, int? pageSize) =>
        {
            var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, Core.Records.RecordPages.MaxPageSize);
            var number = Math.Max(page ?? 1, 1);
            var (items, total) = await kind.PageAsync(context.RequestServices, ScopeOf(context), (number - 1) * size, size, context.RequestAborted);
            return TypedResults.Ok(new ResourcePage<TItem>(items, number, size, total));
        })
        .WithName($"List{kind.Tag}").WithSummary($"List the key's facility's {kind.Segment} records, newest first ({Core.Records.RecordPages.MaxPageSize} a page at most)")
        .Produces<ResourcePage<TItem>>();
    }

    private static Core.Access.AccessScope ScopeOf(HttpContext context) =>
        context.Features.Get<ApiKeyCaller>()!.ScopeFor(context.Connection.RemoteIpAddress?.ToString());
}
