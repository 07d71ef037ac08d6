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
    /// user's file answers 404 like an unknown one; both attempts are audited (an unknown, used or
    /// expired token as a missing export, with only the token's first characters: it is a capability).
    /// <c>no-store</c>: the workbook carries personal data, and no browser or proxy cache may keep a copy of it.
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

            if (await files.TakeAsync(token, userId, context.RequestAborted) is not { } file)
            {
                var fileName = await files.FileNameOfAnotherAsync(token, userId, context.RequestAborted);
                if (await scopes.ResolveAsync(userId, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted) is { } scope)
                {
                    if (fileName is not null)
                    {
                        await audit.RecordDeniedAsync(scope, "CatchUpList", fileName, "download", context.RequestAborted);
                    }
                    else
                    {
                        await audit.RecordMissingAsync(scope, ExportToken, TokenPrefix(token), "download", context.RequestAborted);
                    }
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

    /// <summary>The audit's entity type for a download by a token that names no file of anyone's.</summary>
    public const string ExportToken = "ExportToken";

    /// <summary>Enough of a token to match attempts with each other, never enough to use it.</summary>
    private static string TokenPrefix(string token) => token.Length <= 8 ? token : string.Concat(token.AsSpan(0, 8), "…");
}
