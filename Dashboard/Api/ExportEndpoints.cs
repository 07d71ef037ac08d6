using System.Security.Claims;
using Dashboard.Core.CatchUp;

namespace Dashboard.Api;

internal static class ExportEndpoints
{
    /// <summary>
    /// <c>GET /exports/{token}</c>: streams a finished export file to the user who made it (once),
    /// with its length so the browser shows the download's progress, then deletes it.
    /// </summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{token}", IResult (string token, ClaimsPrincipal user, ExportFileStore files) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null || files.Take(token, userId) is not { } file)
            {
                return TypedResults.NotFound();
            }

            var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName);
        }).RequireAuthorization();
    }
}
