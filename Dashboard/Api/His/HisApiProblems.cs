using System.Globalization;
using Dashboard.Components.Shared;
using Dashboard.Core.Validation;
using Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Api.His;

/// <summary>
/// Every error of the HIS API as RFC 9457 problem details (<c>application/problem+json</c>), in
/// English unless the request's Accept-Language prefers Chinese. The API follows the caller's header,
/// not the UI's culture cookie: a hospital system has no cookie.
/// </summary>
internal sealed class HisApiProblems(IStringLocalizer<SharedResource> strings)
{
    public IStringLocalizer For(HttpContext context) => new CultureLocalizer(strings, CultureOf(context));

    public static CultureInfo CultureOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return CultureInfo.GetCultureInfo(preferred?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true ? UiCultures.Chinese : UiCultures.English);
    }

    /// <summary>A problem titled by the status's own resource (<c>HisApi_Status{code}</c>), with a detail from <paramref name="detailKey"/>.</summary>
    public IResult Problem(HttpContext context, int status, string? detailKey = null, IDictionary<string, object?>? extensions = null, params object[] detailArgs)
    {
        var text = For(context);
        var detail = detailKey is null ? null : detailArgs.Length == 0 ? text[detailKey].Value : text[detailKey, detailArgs].Value;
        return TypedResults.Problem(detail, context.Request.Path, status, text[$"HisApi_Status{status}"], extensions: extensions);
    }

    public Task WriteAsync(HttpContext context, int status, string? detailKey = null, params object[] detailArgs) =>
        Problem(context, status, detailKey, null, detailArgs).ExecuteAsync(context);

    /// <summary>A row's refusals as the form words them, per field (the request's camelCase property names).</summary>
    public static Dictionary<string, string[]> FieldErrors(IStringLocalizer text, IReadOnlyDictionary<string, Message[]> errors) =>
        errors.ToDictionary(e => FieldName(e.Key), e => e.Value.Select(text.Localize).ToArray());

    private static string FieldName(string field) => field.Length == 0 ? "" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);
}
