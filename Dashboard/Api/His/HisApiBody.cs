using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Api.His;

/// <summary>
/// Reads a JSON request body with the API's size limit: larger than the limit is 413 (by its
/// Content-Length, or while reading), not JSON 415, malformed or empty 400 with where it broke.
/// </summary>
internal sealed class HisApiBody(IOptions<HisApiOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HisApiProblems problems)
{
    public async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, problems.Problem(context, StatusCodes.Status413PayloadTooLarge, "HisApi_BodyTooLarge", null, limit));
        }

        if (!context.Request.HasJsonContentType())
        {
            return (null, problems.Problem(context, StatusCodes.Status415UnsupportedMediaType, "HisApi_NotJson"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, problems.Problem(context, StatusCodes.Status413PayloadTooLarge, "HisApi_BodyTooLarge", null, limit));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), json.Value.SerializerOptions);
            return value is null ? (null, problems.Problem(context, StatusCodes.Status400BadRequest, "HisApi_EmptyBody")) : (value, null);
        }
        catch (JsonException exception)
        {
            var where = new Dictionary<string, object?> { ["jsonPath"] = exception.Path, ["line"] = exception.LineNumber + 1 };
            return (null, problems.Problem(context, StatusCodes.Status400BadRequest, "HisApi_MalformedJson", where, exception.Path ?? "$"));
        }
    }
}
