using System.Security.Claims;
using Dashboard.Core.Access;
using Dashboard.Core.Audit;
using Dashboard.Core.CatchUp;

namespace Dashboard.Api;

internal static class ExportEndpoints
{
    /// <summary>
    /// <c>GET /exports/{token}</c>: streams a finished export file to the user who made it (once),
    /// with its length so the browser shows the download's progress, and deletes it. Another
    /// user's file answers 404 like an unknown one, and the attempt is audited. <c>no-store</c>: the
    /// workbook carries personal data, and no browser or proxy cache may keep a copy of it.
    /// </summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{token}", async Task<IResult> (
            string token, ClaimsPrincipal user, HttpContext context, ExportFileStore files, AccessScopeResolver scopes, AuditTrail audit) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null)
            {
                return TypedResults.NotFound();
            }

            if (files.Take(token, userId) is not { } file)
            {
                if (files.FileNameOfAnother(token, userId) is { } fileName &&
                    await scopes.ResolveAsync(userId, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted) is { } scope)
                {
                    await audit.RecordDeniedAsync(scope, "CatchUpList", fileName, "download", context.RequestAborted);
                }

                return TypedResults.NotFound();
            }

            // Off the disk before the first byte is sent (on Windows, when the stream closes): the open
            // stream still reads it, and an interrupted download leaves nothing behind.
            var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            File.Delete(file.Path);
            return TypedResults.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.FileName);
        }).RequireAuthorization();
    }
}
