using Dashboard.Core.Access;
using Dashboard.Core.Board;
using Dashboard.Core.CatchUp;
using Dashboard.Security;
using Microsoft.Extensions.Localization;

namespace Dashboard.Api;

internal static class BoardExportEndpoint
{
    /// <summary>
    /// <c>GET /api/board/export.xlsx</c>: the board as a workbook (milestones with state and history,
    /// facility backlog) for the regions the signed-in supervisor, manager or administrator may see.
    /// A few hundred rows: written in memory, then sent with its length. No patient data, but staff
    /// names and plans under way: <c>no-store</c> like every download.
    /// </summary>
    public static void MapBoardExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/board/export.xlsx", async Task<IResult> (
            HttpContext context, AccessScopeResolver scopes, BoardWorkbook workbook, IStringLocalizer<SharedResource> localizer) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var scope = await CurrentUser.ScopeOf(scopes, context.User, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
            if (scope is null)
            {
                return TypedResults.Forbid();
            }

            var output = new MemoryStream();
            var fileName = await workbook.WriteAsync(scope, new ExportText(key => localizer[key].Value), output, context.RequestAborted);
            output.Position = 0;
            return TypedResults.File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
        }).RequireAuthorization(policy => policy.RequireRole("Supervisor", "Manager", "Admin"));
    }
}
